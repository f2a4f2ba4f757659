/**
 * The values and the KPI service-provider interface of chs.
 *
 * <p>This module has no runtime dependencies. It holds the identities of accounts and clouds, the
 * observation window, the signals that KPIs read, the results of KPIs and health scores, and the
 * {@link dev.chs.api.kpi.Kpi} interface that built-in and third-party KPIs implement.
 *
 * @since 0.1.0
 */
module dev.chs.api {
  requires static transitive org.jspecify;
  exports dev.chs.api;
  exports dev.chs.api.kpi;
  exports dev.chs.api.signal;
  // Not API, but exported to all: chs-core may run from the class path beside this module.
  exports dev.chs.api.internal;
}
