package dev.chs.testkit;

/** The contract holds for a KPI without flaws. */
class KpiContractTest extends PingMeanContract {
  @Override
  PingMean.Flaw flaw() {
    return PingMean.Flaw.NONE;
  }
}
