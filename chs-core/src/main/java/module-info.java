/**
 * The core of chs: the health model, signal aggregation, scoring and the portfolio views.
 *
 * <p>KPIs are found through {@link java.util.ServiceLoader}; see {@link
 * dev.chs.core.plugin.KpiRegistry}.
 *
 * @since 0.1.0
 */
module dev.chs.core {
  requires static transitive org.jspecify;
  requires transitive dev.chs.api;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;

  exports dev.chs.core.aggregate;
  exports dev.chs.core.model;
  exports dev.chs.core.plugin;
  exports dev.chs.core.portfolio;
  exports dev.chs.core.score;

  uses dev.chs.api.kpi.Kpi;
}
