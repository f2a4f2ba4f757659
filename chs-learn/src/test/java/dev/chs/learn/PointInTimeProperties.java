package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import dev.chs.kpis.BuiltInKpis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No look-ahead in point-in-time training: whatever happens after a renewal's as-of instant
 * ({@code renewal date - lead}) changes none of the KPI values of its row.
 */
class PointInTimeProperties {
  private static final KpiRegistry REGISTRY = KpiRegistry.of(BuiltInKpis.all());
  private static final HealthModel DEFAULT = ModelFile.defaultModel(REGISTRY);
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final int ACCOUNTS = 4;
  private static final List<CloudId> CLOUDS =
      List.of(CloudId.of("sales"), CloudId.of("service"), CloudId.ACCOUNT_WIDE);
  private static final long DAY = 86_400;

  @Property(tries = 150)
  void signalsAfterEveryAsOfInstantOfTheirAccountChangeNoValue(
      @ForAll("renewals") List<RenewalOutcome> renewals,
      @ForAll("events") List<Event> past,
      @ForAll("events") List<Event> future,
      @ForAll("leadDays") int leadDays) {
    Duration lead = Duration.ofDays(leadDays);
    List<Signal> signals = new ArrayList<>(anchors());
    int n = 0;
    for (Event event : past) {
      signals.add(event.signal("p" + n++, START));
    }
    RenewalData plain = RenewalData.pointInTime("t", DEFAULT, signals, renewals, lead);

    // Each added signal starts a second or more after the latest as-of instant of its account.
    List<Signal> withFuture = new ArrayList<>(signals);
    for (Event event : future) {
      Instant latest = START;
      for (RenewalOutcome renewal : renewals) {
        Instant asOf = renewal.renewalDate().minus(lead);
        if (renewal.account().equals(accountOf(event.account())) && asOf.isAfter(latest)) {
          latest = asOf;
        }
      }
      withFuture.add(event.signal("f" + n++, latest.plusSeconds(1)));
    }
    RenewalData seen = RenewalData.pointInTime("t", DEFAULT, withFuture, renewals, lead);

    assertThat(seen.columns()).isEqualTo(plain.columns());
    assertThat(seen.size()).isEqualTo(plain.size()).isEqualTo(renewals.size());
    for (int r = 0; r < plain.size(); r++) {
      for (int c = 0; c < plain.columns().size(); c++) {
        // Boxed, so that NaN (not applicable) equals NaN.
        assertThat(Double.valueOf(seen.value(r, c))).as("row %d, %s", r, plain.columns().get(c))
            .isEqualTo(Double.valueOf(plain.value(r, c)));
      }
    }
  }

  /**
   * One signal of each type, for an account without renewals: every type is then a supplied
   * source with or without the added signals, so that only their timing is under test.
   */
  private static List<Signal> anchors() {
    AccountId other = AccountId.of("Z");
    CloudId cloud = CLOUDS.get(0);
    return List.of(
        new SupportCase("anchor", other, cloud, START, null, null),
        new WorkOrder("anchor", other, cloud, START, null, null),
        new Complaint("anchor", other, cloud, START),
        new UsageSample(other, cloud, START, 1, 1),
        new SentimentSample(other, cloud, START, 0));
  }

  private static AccountId accountOf(int index) {
    return AccountId.of("A" + index);
  }

  /**
   * A signal of any built-in type, with its instants as offsets in seconds from a start that the
   * property chooses; {@code length} is the time to a case's closing or a work order's
   * completion, none when negative.
   */
  record Event(int type, int account, int cloud, long offset, long length, int flag, int value) {
    Signal signal(String id, Instant start) {
      AccountId a = accountOf(account);
      CloudId c = CLOUDS.get(cloud);
      Instant at = start.plusSeconds(offset);
      Instant end = length < 0 ? null : at.plusSeconds(length);
      Boolean known = flag == 2 ? null : flag == 1;
      return switch (type) {
        case 0 -> new SupportCase(id, a, c, at, end, end == null ? null : known);
        case 1 -> new WorkOrder(id, a, c, at, end, end == null ? null : known);
        case 2 -> new Complaint(id, a, c, at);
        case 3 -> new UsageSample(a, c, at, value % 11, 10);
        default -> new SentimentSample(a, c, at, (value % 201 - 100) / 100.0);
      };
    }
  }

  @Provide
  Arbitrary<List<Event>> events() {
    Arbitrary<Event> event = Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, ACCOUNTS - 1),
            Arbitraries.integers().between(0, CLOUDS.size() - 1),
            Arbitraries.longs().between(0, 400 * DAY),
            Arbitraries.longs().between(-1, 120 * DAY),
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 1000))
        .as(Event::new);
    return event.list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<List<RenewalOutcome>> renewals() {
    Arbitrary<RenewalOutcome> renewal = Combinators.combine(
            Arbitraries.integers().between(0, ACCOUNTS - 1),
            Arbitraries.integers().between(0, CLOUDS.size() - 1),
            Arbitraries.longs().between(30 * DAY, 500 * DAY),
            Arbitraries.of(RenewalOutcome.Outcome.class))
        .as((a, c, at, outcome) ->
            new RenewalOutcome(accountOf(a), CLOUDS.get(c), START.plusSeconds(at), outcome));
    return renewal.list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<Integer> leadDays() {
    return Arbitraries.of(0, 1, 30, 90);
  }
}
