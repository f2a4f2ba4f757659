/**
 * The seven built-in KPIs of chs, found through {@link java.util.ServiceLoader}.
 *
 * <p>The KPIs are in {@link dev.chs.kpis}, whose description also documents the serialized form of
 * each accumulator.
 *
 * @since 0.1.0
 */
module dev.chs.kpis {
  requires static transitive org.jspecify;
  requires transitive dev.chs.api;

  exports dev.chs.kpis;

  provides dev.chs.api.kpi.Kpi with
      dev.chs.kpis.OpenSupportCases,
      dev.chs.kpis.CasesClosedToCreated,
      dev.chs.kpis.FirstTimeFixRate,
      dev.chs.kpis.WorkOrderVolume,
      dev.chs.kpis.ComplaintsRaised,
      dev.chs.kpis.ProductAdoption,
      dev.chs.kpis.Sentiment;
}
