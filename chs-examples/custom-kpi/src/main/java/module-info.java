/**
 * An example third-party KPI plugin for chs: {@code invoice_days_overdue}.
 *
 * <p>It depends on {@code dev.chs.api} alone, and registers its KPI with {@code provides} here
 * and in {@code META-INF/services/dev.chs.api.kpi.Kpi}, so that {@link java.util.ServiceLoader}
 * finds it on the module path and on the class path.
 */
module com.example.chs {
  requires static transitive org.jspecify;
  requires transitive dev.chs.api;

  exports com.example.chs;

  provides dev.chs.api.kpi.Kpi with
      com.example.chs.InvoiceDaysOverdue;
}
