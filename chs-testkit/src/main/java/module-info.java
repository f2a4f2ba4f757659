/**
 * Contract tests that every chs KPI extends.
 *
 * @since 0.1.0
 */
module dev.chs.testkit {
  requires transitive dev.chs.api;
  requires transitive org.junit.jupiter.api;
  requires transitive net.jqwik.api;
  requires transitive org.assertj.core;

  exports dev.chs.testkit;
}
