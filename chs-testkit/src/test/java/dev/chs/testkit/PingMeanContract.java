package dev.chs.testkit;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.signal.Signal;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The contract for {@link PingMean} with one planted flaw; subclasses pick the flaw. */
abstract class PingMeanContract extends KpiContract<PingMean.Accumulator> {
  static final Window WINDOW =
      new Window(Instant.parse("2026-06-30T00:00:00Z"), Duration.ofDays(30));

  private static final AccountId ACCOUNT = AccountId.of("acme");

  abstract PingMean.Flaw flaw();

  @Override
  protected Kpi<PingMean.Accumulator> kpi() {
    return new PingMean(flaw());
  }

  @Override
  protected Window window() {
    return WINDOW;
  }

  @Override
  protected Arbitrary<Signal> signals() {
    return pings(instantsAround(WINDOW));
  }

  @Override
  protected Arbitrary<Signal> signalsAfter(Instant t) {
    return pings(instantsAfter(t));
  }

  @Override
  protected boolean isRegisteredAsService() {
    return false;
  }

  private static Arbitrary<Signal> pings(Arbitrary<Instant> instants) {
    Arbitrary<Double> values =
        Arbitraries.oneOf(Arbitraries.of(0.1, 0.2, 0.3, 1e-3), Arbitraries.doubles()
            .between(0, 10));
    return Combinators.combine(instants, values)
        .as((at, value) -> new PingMean.Ping(ACCOUNT, CloudId.ACCOUNT_WIDE, at, value));
  }
}
