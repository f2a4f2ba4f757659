package dev.chs.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.KpiValue.Measured;
import dev.chs.api.kpi.KpiValue.NotApplicable;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.WorkOrder;
import dev.chs.core.model.HealthModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The aggregator gives the same values, failures and merges whether a KPI keeps its state in a
 * store of many pairs or, hidden behind {@link WithoutStates}, in one accumulator per pair.
 */
class SignalAggregatorStatesTest {
  private static final Instant T = Instant.parse("2026-06-30T00:00:00Z");
  private static final AccountId ACME = AccountId.of("acme");
  private static final AccountId GLOBEX = AccountId.of("globex");
  private static final CloudId SALES = CloudId.of("sales");
  private static final CloudId SERVICE = CloudId.of("service");
  private static final CloudId WIDE = CloudId.ACCOUNT_WIDE;
  /** What the store of {@link #small} says when a ninth pair asks it for room. */
  private static final String REFUSAL = "pairs: 'cases_opened' holds at most 8 pairs, was 16";

  private final CountingKpi opened = CountingKpi.withStates("cases_opened");
  private final CountingKpi fragile = CountingKpi.withStates("fragile");
  private final CountingKpi plain = new CountingKpi("plain");

  /** Two KPIs with a store between them, and one without. */
  private final HealthModel stored = modelOf(opened, fragile, plain);

  /** The same KPIs, each keeping its state in accumulators. */
  private final HealthModel hidden =
      modelOf(new WithoutStates<>(opened), new WithoutStates<>(fragile), plain);

  /** One KPI whose store refuses room for more than its first 8 pairs. */
  private final HealthModel small = HealthModel.builder()
      .kpi(CountingKpi.withStates("cases_opened", 8), 1).window(Duration.ofDays(90)).build();

  @Test
  void keepsTheStateOfAKpiWithAStoreInTheStoreAndMakesNoAccumulatorForIt() {
    SignalAggregator aggregator = SignalAggregator.of(stored, T);
    aggregator.addAll(List.of(opened(ACME, SALES, "c1"), opened(ACME, SALES, "c2"),
        opened(GLOBEX, SERVICE, "c3")));

    List<AccountValues> results = aggregator.results();

    assertThat(opened.storeAdds).isEqualTo(3);
    assertThat(opened.accumulatorsMade).isZero();
    assertThat(plain.accumulatorsMade).isEqualTo(2);
    assertThat(results.get(0).clouds().get(0).values())
        .containsExactly(Measured.of("cases_opened", 2, 2), Measured.of("fragile", 2, 2),
            Measured.of("plain", 2, 2));
    assertThat(results.get(1).clouds().get(0).values().get(0))
        .isEqualTo(Measured.of("cases_opened", 1, 1));
  }

  @Test
  void mergesTheAccountWideStateOfAStoreIntoEveryCloud() {
    SignalAggregator aggregator = SignalAggregator.of(stored, T);
    aggregator.addAll(List.of(
        new Contract(ACME, SERVICE, 50, null),
        opened(ACME, SALES, "c1"),
        opened(ACME, WIDE, "c2"),
        opened(ACME, WIDE, "c3")));

    List<CloudValues> clouds = aggregator.results().get(0).clouds();

    // sales: its own case and the two account-wide ones; service: only the account-wide ones.
    assertThat(clouds).extracting(CloudValues::cloud).containsExactly(SALES, SERVICE);
    assertThat(clouds.get(0).values().get(0)).isEqualTo(Measured.of("cases_opened", 3, 3));
    assertThat(clouds.get(1).values().get(0)).isEqualTo(Measured.of("cases_opened", 2, 2));
  }

  @Test
  void isolatesAKpiWhoseStoreThrowsForThatPairOnly() {
    SignalAggregator aggregator = SignalAggregator.of(stored, T);
    aggregator.addAll(List.of(
        opened(ACME, SALES, "c1"),
        opened(ACME, SALES, "boom-1"),
        // After the failure the KPI takes nothing more for acme in sales.
        opened(ACME, SALES, "c2"),
        opened(ACME, SERVICE, "c3"),
        opened(GLOBEX, SALES, "c4")));

    List<AccountValues> results = aggregator.results();

    KpiValue failed = results.get(0).clouds().get(0).values().get(0);
    assertThat(failed).isInstanceOf(NotApplicable.class);
    assertThat(((NotApplicable) failed).reason())
        .isEqualTo("failed: java.lang.IllegalStateException: cannot count boom-1");
    assertThat(results.get(0).clouds().get(1).values().get(0))
        .isEqualTo(Measured.of("cases_opened", 1, 1));
    assertThat(results.get(1).clouds().get(0).values().get(0))
        .isEqualTo(Measured.of("cases_opened", 1, 1));
    assertThat(aggregator.failures()).extracting(KpiFailure::kpiId)
        .containsExactly("cases_opened", "fragile", "plain");
    assertThat(aggregator.failures()).extracting(KpiFailure::account, KpiFailure::cloud)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(ACME, SALES));
  }

  @Test
  void failsAtTheFirstThrowOfAStoreUnderTheStrictPolicy() {
    SignalAggregator aggregator = SignalAggregator.of(stored, T, FailurePolicy.FAIL);
    aggregator.add(opened(ACME, SALES, "c1"));

    assertThatThrownBy(() -> aggregator.add(opened(ACME, SALES, "boom-1")))
        .isInstanceOf(KpiFailureException.class)
        .hasMessageStartingWith("KPI 'cases_opened' failed for account acme, cloud sales");
  }

  @Test
  void refusesToMergeAnAggregatorWhoseKpisKeepTheirStateOtherwise() {
    // Equal models whose KPIs differ only in offering a store cannot arise from one model, but
    // the check keeps a store from being read as an accumulator slot.
    SignalAggregator mine = SignalAggregator.of(stored, T);
    SignalAggregator theirs = SignalAggregator.of(hidden, T);

    assertThatThrownBy(() -> mine.merge(theirs)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void givesTheValuesAndFailuresOfAccumulatorsAddedOneByOneOrInBatches(@ForAll long seed) {
    List<Signal> signals = randomSignals(new Random(seed));

    SignalAggregator expected = SignalAggregator.of(hidden, T);
    signals.forEach(expected::add);
    SignalAggregator oneByOne = SignalAggregator.of(stored, T);
    signals.forEach(oneByOne::add);
    SignalAggregator inBatches = SignalAggregator.of(stored, T);
    inBatches.addAll(signals);

    assertSameAggregate(oneByOne, expected);
    assertSameAggregate(inBatches, expected);
  }

  @Property(tries = 200)
  void roomMadeForPairsAheadChangesNoValueNorFailure(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 5000) int room) {
    List<Signal> signals = randomSignals(new Random(seed));
    SignalAggregator expected = SignalAggregator.of(hidden, T);
    expected.addAll(signals);

    SignalAggregator roomy = SignalAggregator.of(stored, T);
    roomy.ensureCapacity(room);
    int half = signals.size() / 2;
    roomy.addAll(signals.subList(0, half));
    // Less room than the aggregator has, once some pairs are made, changes nothing either.
    roomy.ensureCapacity(room / 3);
    roomy.addAll(signals.subList(half, signals.size()));

    assertSameAggregate(roomy, expected);
  }

  @Test
  void leavesItselfAsItWasWhenAStoreRefusesTheRoomAsked() {
    SignalAggregator aggregator = SignalAggregator.of(stored, T);
    aggregator.add(opened(ACME, SALES, "c1"));

    // The stores of CountingKpi refuse more pairs than a long[] holds.
    assertThatThrownBy(() -> aggregator.ensureCapacity(Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pairs: 'cases_opened' holds at most");

    aggregator.add(opened(ACME, SALES, "c2"));
    aggregator.add(opened(GLOBEX, SERVICE, "c3"));
    SignalAggregator expected = SignalAggregator.of(hidden, T);
    expected.addAll(List.of(opened(ACME, SALES, "c1"), opened(ACME, SALES, "c2"),
        opened(GLOBEX, SERVICE, "c3")));
    assertSameAggregate(aggregator, expected);
  }

  @Test
  @Tag("API-37")
  void leavesNoTraceOfASignalWhoseNewPairAStoreRefusesRoomFor() {
    SignalAggregator aggregator = withRoomForEightPairs();
    List<Signal> accepted = casesOfAccounts(0, 8);
    accepted.forEach(aggregator::add);

    // The ninth new pair asks the store for room for 16, whether a KPI reads its signal or not.
    AccountId refused = AccountId.of("account-8");
    assertThatThrownBy(() -> aggregator.add(opened(refused, SERVICE, "c8")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(REFUSAL);
    assertThatThrownBy(() -> aggregator.add(
            new WorkOrder("w8", refused, SERVICE, T.minus(Duration.ofDays(1)), null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(REFUSAL);

    assertThat(aggregator.pairs()).isEqualTo(8);
    assertThat(aggregator.unread()).isZero();
    assertThat(aggregator.results()).extracting(AccountValues::account)
        .containsExactlyElementsOf(accepted.stream().map(Signal::account).toList());
    // A pair that exists still takes signals.
    aggregator.add(opened(accepted.get(0).account(), SALES, "c9"));
    assertThat(aggregator.results().get(0).clouds().get(0).values().get(0))
        .isEqualTo(Measured.of("cases_opened", 2, 2));
  }

  @Test
  @Tag("API-37")
  void addsAListUpToTheSignalWhoseNewPairAStoreRefusesRoomFor() {
    SignalAggregator aggregator = withRoomForEightPairs();
    List<Signal> signals = casesOfAccounts(0, 12);
    signals.add(opened(AccountId.of("account-0"), SALES, "c12"));

    assertThatThrownBy(() -> aggregator.addAll(signals))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(REFUSAL);

    SignalAggregator expected = withRoomForEightPairs();
    expected.addAll(signals.subList(0, 8));
    assertSameAggregate(aggregator, expected);
  }

  @Test
  @Tag("API-37")
  void refusesToMergeAPairThatAStoreHasNoRoomFor() {
    SignalAggregator full = withRoomForEightPairs();
    full.addAll(casesOfAccounts(0, 8));
    SignalAggregator other = withRoomForEightPairs();
    other.addAll(casesOfAccounts(8, 9));

    assertThatThrownBy(() -> full.merge(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(REFUSAL);
    assertThat(full.pairs()).isEqualTo(8);
  }

  /** Returns an aggregator of {@link #small}. */
  private SignalAggregator withRoomForEightPairs() {
    return SignalAggregator.of(small, T);
  }

  /** Returns one case in sales for each of the accounts {@code account-from} to {@code to - 1}. */
  private static List<Signal> casesOfAccounts(int from, int to) {
    List<Signal> cases = new ArrayList<>();
    for (int a = from; a < to; a++) {
      cases.add(opened(AccountId.of("account-" + a), SALES, "c" + a));
    }
    return cases;
  }

  @Property(tries = 200)
  void givesTheValuesAndFailuresOfMergedAccumulators(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int partitions) {
    Random random = new Random(seed);
    List<Signal> signals = randomSignals(random);
    int[] partOf = random.ints(signals.size(), 0, partitions).toArray();

    // Which of two failures of one pair a merge keeps depends on the partitions, so both sides
    // are split the same way.
    assertSameAggregate(merged(stored, signals, partOf, partitions),
        merged(hidden, signals, partOf, partitions));
  }

  private static SignalAggregator merged(
      HealthModel model, List<Signal> signals, int[] partOf, int partitions) {
    List<SignalAggregator> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      parts.add(SignalAggregator.of(model, T));
    }
    for (int k = 0; k < signals.size(); k++) {
      parts.get(partOf[k]).add(signals.get(k));
    }
    SignalAggregator merged = SignalAggregator.of(model, T);
    parts.forEach(merged::merge);
    return merged;
  }

  private static void assertSameAggregate(SignalAggregator actual, SignalAggregator expected) {
    assertThat(actual.results()).isEqualTo(expected.results());
    assertThat(describe(actual.failures())).isEqualTo(describe(expected.failures()));
    assertThat(actual.pairs()).isEqualTo(expected.pairs());
    assertThat(actual.unread()).isEqualTo(expected.unread());
    assertThat(actual.afterAsOf()).isEqualTo(expected.afterAsOf());
  }

  /**
   * Support cases, some failing and some account-wide or after T, contracts, and metrics that
   * replace {@code fragile}, all with the same value so that none conflicts.
   */
  private static List<Signal> randomSignals(Random random) {
    int n = random.nextInt(120);
    AccountId[] accounts = {ACME, GLOBEX, AccountId.of("initech")};
    CloudId[] clouds = {SALES, SERVICE, WIDE};
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AccountId account = accounts[random.nextInt(accounts.length)];
      CloudId cloud = clouds[random.nextInt(clouds.length)];
      Instant at = T.minus(Duration.ofDays(random.nextInt(200) - 20));
      String id = (random.nextInt(30) == 0 ? "boom-" : "c") + i;
      switch (random.nextInt(8)) {
        case 0 -> signals.add(new Contract(account, cloud == WIDE ? SALES : cloud, 10, null));
        case 1 -> signals.add(new Metric(account, cloud, "fragile", 4));
        default -> signals.add(new SupportCase(id, account, cloud, at, null, null));
      }
    }
    return signals;
  }

  private static List<String> describe(List<KpiFailure> failures) {
    List<String> described = new ArrayList<>();
    for (KpiFailure failure : failures) {
      described.add(failure.account() + "/" + failure.cloud() + "/" + failure.kpiId() + ": "
          + failure.error());
    }
    return described;
  }

  private static HealthModel modelOf(
      dev.chs.api.kpi.Kpi<?> first, dev.chs.api.kpi.Kpi<?> second, dev.chs.api.kpi.Kpi<?> third) {
    return HealthModel.builder().kpi(first, 1).kpi(second, 1).kpi(third, 1)
        .window(Duration.ofDays(90)).build();
  }

  private static SupportCase opened(AccountId account, CloudId cloud, String id) {
    return new SupportCase(id, account, cloud, T.minus(Duration.ofDays(1)), null, null);
  }
}
