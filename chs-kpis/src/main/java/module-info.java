/**
 * The seven built-in KPIs of chs.
 *
 * @since 0.1.0
 */
module dev.chs.kpis {
  requires transitive dev.chs.api;

  exports dev.chs.kpis;
}
