/**
 * Contract tests that every chs KPI, built in or plugged in, extends; see {@link
 * dev.chs.testkit.KpiContract}.
 *
 * <p>The package is open, so that test engines may call the contract's properties by reflection.
 *
 * @since 0.1.0
 */
module dev.chs.testkit {
  requires static transitive org.jspecify;
  requires transitive dev.chs.api;
  requires transitive org.junit.jupiter.api;
  requires transitive net.jqwik.api;
  requires transitive org.assertj.core;

  exports dev.chs.testkit;
  opens dev.chs.testkit;

  uses dev.chs.api.kpi.Kpi;
}
