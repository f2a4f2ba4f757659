package dev.chs.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.KpiValue.Measured;
import dev.chs.api.kpi.KpiValue.NotApplicable;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.core.model.HealthModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SignalAggregatorTest {
  private static final Instant T = Instant.parse("2026-06-30T00:00:00Z");
  private static final AccountId ACME = AccountId.of("acme");
  private static final AccountId GLOBEX = AccountId.of("globex");
  private static final CloudId SALES = CloudId.of("sales");
  private static final CloudId SERVICE = CloudId.of("service");
  private static final CloudId WIDE = CloudId.ACCOUNT_WIDE;

  private final CountingKpi opened = new CountingKpi("cases_opened");
  private final CountingKpi fragile = new CountingKpi("fragile");
  private final HealthModel model =
      HealthModel.builder().kpi(opened, 1).kpi(fragile, 1).window(Duration.ofDays(90)).build();

  @Test
  void countsAccountWideSignalsInEveryCloudOfTheAccount() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.addAll(List.of(
        new Contract(ACME, SALES, 100, null),
        new Contract(ACME, SERVICE, 50, null),
        opened(ACME, SALES, "c1"),
        opened(ACME, WIDE, "c2"),
        opened(ACME, WIDE, "c3")));

    AccountValues acme = aggregator.results().get(0);

    // sales: its own case plus the two account-wide ones; service: the two account-wide ones.
    assertThat(acme.clouds()).extracting(CloudValues::cloud).containsExactly(SALES, SERVICE);
    assertThat(raw(acme.clouds().get(0), 0)).isEqualTo(3);
    assertThat(raw(acme.clouds().get(1), 0)).isEqualTo(2);
    assertThat(acme.clouds()).extracting(CloudValues::arr).containsExactly(100.0, 50.0);
  }

  @Test
  void givesAnAccountThatNamesNoCloudTheAccountWideCloud() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.add(opened(GLOBEX, WIDE, "c1"));

    List<CloudValues> clouds = aggregator.results().get(0).clouds();

    assertThat(clouds).extracting(CloudValues::cloud).containsExactly(WIDE);
    assertThat(raw(clouds.get(0), 0)).isEqualTo(1);
  }

  @Test
  void letsRenewalOutcomesNameNoCloud() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.add(new Contract(ACME, SALES, 10, null));
    aggregator.add(new RenewalOutcome(ACME, SERVICE, T, RenewalOutcome.Outcome.CHURNED));

    assertThat(aggregator.results().get(0).clouds()).extracting(CloudValues::cloud)
        .containsExactly(SALES);
    assertThat(aggregator.unread()).isEqualTo(1);
  }

  @Test
  void makesACountARealZeroOnlyWhenItsSourceWasSupplied() {
    SignalAggregator unsupplied = SignalAggregator.of(model, T);
    unsupplied.add(new Contract(ACME, SALES, 10, null));
    assertThat(unsupplied.results().get(0).clouds().get(0).values().get(0))
        .isInstanceOf(NotApplicable.class);

    SignalAggregator supplied = SignalAggregator.of(model, T).declareSource(SupportCase.class);
    supplied.add(new Contract(ACME, SALES, 10, null));
    assertThat(raw(supplied.results().get(0).clouds().get(0), 0)).isZero();
  }

  @Test
  void takesAMetricNamedAfterAKpiAsThatKpisValue() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.add(opened(ACME, SALES, "c1"));
    aggregator.add(new Metric(ACME, SALES, "cases_opened", 7));
    aggregator.add(new Metric(ACME, WIDE, "fragile", 4));
    aggregator.add(new Metric(ACME, SALES, "not_a_kpi", 1));

    CloudValues sales = aggregator.results().get(0).clouds().get(0);

    assertThat(sales.values().get(0)).isEqualTo(Measured.of("cases_opened", 7, 1));
    assertThat(sales.values().get(1)).isEqualTo(Measured.of("fragile", 4, 1));
    assertThat(aggregator.unread()).isEqualTo(1);
  }

  @Test
  void refusesTwoDifferentValuesOfOneMetric() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.add(new Metric(ACME, SALES, "cases_opened", 7));
    aggregator.add(new Metric(ACME, SALES, "cases_opened", 7));
    assertThatThrownBy(() -> aggregator.add(new Metric(ACME, SALES, "cases_opened", 8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric 'cases_opened' of account acme, cloud 'sales': must be given once, "
            + "was 7.0 and 8.0");
  }

  @Test
  void isolatesAKpiThatThrowsAndReportsIt() {
    HealthModel onlyFragile = HealthModel.builder().kpi(opened, 1).kpi(fragile, 1).build();
    SignalAggregator aggregator = SignalAggregator.of(onlyFragile, T);
    aggregator.add(opened(ACME, SALES, "c1"));
    aggregator.add(opened(ACME, SALES, "boom-1"));
    aggregator.add(opened(ACME, SALES, "c2"));

    CloudValues sales = aggregator.results().get(0).clouds().get(0);

    // Both KPIs read the case; each throws on it, and each is isolated on its own.
    assertThat(sales.values()).allSatisfy(v -> assertThat(v).isInstanceOf(NotApplicable.class));
    assertThat(((NotApplicable) sales.values().get(0)).reason())
        .isEqualTo("failed: java.lang.IllegalStateException: cannot count boom-1");
    assertThat(aggregator.failures()).extracting(KpiFailure::kpiId)
        .containsExactly("cases_opened", "fragile");
    assertThat(aggregator.failures().get(0).message()).isEqualTo(
        "KPI 'cases_opened' failed for account acme, cloud sales: "
            + "java.lang.IllegalStateException: cannot count boom-1");
  }

  @Test
  void keepsOtherAccountsWhole() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.add(opened(ACME, SALES, "boom-1"));
    aggregator.add(opened(GLOBEX, SALES, "c1"));

    assertThat(raw(aggregator.results().get(1).clouds().get(0), 0)).isEqualTo(1);
  }

  @Test
  void failsAtTheFirstThrowUnderTheStrictPolicy() {
    SignalAggregator aggregator = SignalAggregator.of(model, T, FailurePolicy.FAIL);
    assertThatThrownBy(() -> aggregator.add(opened(ACME, SALES, "boom-1")))
        .isInstanceOf(KpiFailureException.class)
        .hasMessageStartingWith("KPI 'cases_opened' failed for account acme, cloud sales")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void holdsOnePairPerAccountAndCloudHoweverManySignals() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    for (int i = 0; i < 10_000; i++) {
      CloudId cloud = i % 3 == 0 ? SALES : i % 3 == 1 ? SERVICE : WIDE;
      aggregator.add(opened(ACME, cloud, "c" + i));
    }
    assertThat(aggregator.pairs()).isEqualTo(3);
  }

  @Test
  void letsNoSignalAfterTheAsOfInstantNameACloudOrCount() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.add(opened(ACME, SALES, "c1"));
    aggregator.add(new SupportCase("c2", ACME, SERVICE, T.plusSeconds(1), null, null));
    aggregator.add(new SentimentSample(GLOBEX, SALES, T.plusSeconds(1), 0.5));

    List<AccountValues> results = aggregator.results();

    // The service cloud and the account globex first appear after T, so as of T they are not.
    assertThat(results).extracting(AccountValues::account).containsExactly(ACME);
    assertThat(results.get(0).clouds()).extracting(CloudValues::cloud).containsExactly(SALES);
    assertThat(raw(results.get(0).clouds().get(0), 0)).isEqualTo(1);
    assertThat(aggregator.afterAsOf()).isEqualTo(2);
    assertThat(aggregator.unread()).isZero();
  }

  @Test
  void countsSignalsNoKpiReads() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.add(new SentimentSample(ACME, SERVICE, T, 0.5));
    assertThat(aggregator.unread()).isEqualTo(1);
    assertThat(aggregator.results().get(0).clouds()).extracting(CloudValues::cloud)
        .containsExactly(SERVICE);
  }

  @Test
  void refusesToMergeAnAggregatorOfAnotherWindow() {
    SignalAggregator now = SignalAggregator.of(model, T);
    SignalAggregator earlier = SignalAggregator.of(model, T.minusSeconds(1));
    assertThatThrownBy(() -> now.merge(earlier))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("other: must aggregate over the window ");
  }

  @Test
  void mergingAddsUpTheSignalsAfterTheAsOfInstantAndKeepsEachFailure() {
    SignalAggregator first = SignalAggregator.of(model, T);
    first.add(new SupportCase("late-1", ACME, SALES, T.plusSeconds(1), null, null));
    first.add(opened(ACME, SALES, "boom-1"));
    SignalAggregator second = SignalAggregator.of(model, T);
    second.add(new SupportCase("late-2", GLOBEX, SALES, T.plusSeconds(2), null, null));
    second.add(new SentimentSample(GLOBEX, SERVICE, T.plusSeconds(3), 0.5));
    second.add(opened(GLOBEX, SERVICE, "boom-2"));

    SignalAggregator merged = SignalAggregator.of(model, T);
    merged.merge(first);
    merged.merge(second);

    // 1 + 2 signals after T; each part's failures, of both KPIs that read the case, kept.
    assertThat(merged.afterAsOf()).isEqualTo(3);
    assertThat(merged.failures())
        .extracting(KpiFailure::account, KpiFailure::cloud)
        .containsExactlyInAnyOrder(tuple(ACME, SALES), tuple(ACME, SALES),
            tuple(GLOBEX, SERVICE), tuple(GLOBEX, SERVICE));
  }

  @Property(tries = 200)
  void mergedPartitionsGiveTheSinglePassResult(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int partitions) {
    Random random = new Random(seed);
    List<Signal> signals = randomSignals(random, 80);
    SignalAggregator single = SignalAggregator.of(model, T);
    single.addAll(signals);

    List<SignalAggregator> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      parts.add(SignalAggregator.of(model, T));
    }
    for (Signal signal : signals) {
      parts.get(random.nextInt(partitions)).add(signal);
    }
    Collections.shuffle(parts, random);
    SignalAggregator merged = SignalAggregator.of(model, T);
    parts.forEach(merged::merge);

    assertThat(merged.results()).isEqualTo(single.results());
    assertThat(merged.failures()).hasSameSizeAs(single.failures());
    assertThat(merged.unread()).isEqualTo(single.unread());
  }

  @Property(tries = 100)
  void addingAListGivesWhatAddingEachSignalInOrderGives(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n) {
    Random random = new Random(seed);
    // Past the lookahead of 32 signals, and with renewal outcomes, which name no cloud.
    List<Signal> signals = new ArrayList<>(randomSignals(random, n));
    for (int i = 0; i < n / 20; i++) {
      signals.add(random.nextInt(signals.size() + 1),
          new RenewalOutcome(GLOBEX, SERVICE, T, RenewalOutcome.Outcome.RENEWED));
    }
    assertAddingTheListGivesWhatAddingEachSignalGives(signals);
  }

  @Property(tries = 100)
  void addingAListWithRunsGroupedByPairGivesWhatAddingEachSignalInOrderGives(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int n) {
    Random random = new Random(seed);
    // Runs of signals grouped by pair, each at least a batch long, between scattered ones, so
    // that addAll switches between looking batches up and adding them one by one.
    List<Signal> signals = new ArrayList<>(randomSignals(random, n));
    for (int from = 0; from < signals.size(); from += 40 + random.nextInt(80)) {
      int to = Math.min(signals.size(), from + 32 + random.nextInt(64));
      signals.subList(from, to).sort(Comparator.comparing((Signal s) -> s.account().value())
          .thenComparing(s -> s.cloud().value()));
    }
    assertAddingTheListGivesWhatAddingEachSignalGives(signals);
  }

  private void assertAddingTheListGivesWhatAddingEachSignalGives(List<Signal> signals) {
    SignalAggregator oneByOne = SignalAggregator.of(model, T);
    signals.forEach(oneByOne::add);

    SignalAggregator listed = SignalAggregator.of(model, T);
    listed.addAll(signals);

    assertThat(listed.results()).isEqualTo(oneByOne.results());
    assertThat(listed.pairs()).isEqualTo(oneByOne.pairs());
    assertThat(listed.unread()).isEqualTo(oneByOne.unread());
    assertThat(listed.afterAsOf()).isEqualTo(oneByOne.afterAsOf());
  }

  @Property(tries = 100)
  void givesAccountsAndTheirCloudsInOrderOfIdWhateverOrderTheyArriveIn(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int n) {
    Random random = new Random(seed);
    // Beyond Latin-1 too, and on both sides of a surrogate pair, whose first char sorts below
    // U+FF5E although its code point is above: ids are in the order of String.compareTo.
    List<String> names = List.of("k", "b", "zeta", "a", "acme", "m-2", "m-10", "globex",
        "Z\u00FCrich", "\u03A9mega", "\uD83D\uDE00x", "\uFF5E", "\uFF5E\uD83D\uDE00");
    List<CloudId> clouds = List.of(SERVICE, SALES, CloudId.of("a"), CloudId.of("zz"));
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    Map<String, SortedSet<String>> seen = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String name = names.get(random.nextInt(names.size()));
      CloudId cloud = clouds.get(random.nextInt(clouds.size()));
      aggregator.add(opened(AccountId.of(name), cloud, "c" + i));
      seen.computeIfAbsent(name, k -> new TreeSet<>()).add(cloud.value());
    }

    List<AccountValues> results = aggregator.results();

    assertThat(results).extracting(values -> values.account().value())
        .containsExactlyElementsOf(seen.keySet());
    for (AccountValues account : results) {
      assertThat(account.clouds()).extracting(cloud -> cloud.cloud().value())
          .as(account.account().value())
          .containsExactlyElementsOf(seen.get(account.account().value()));
    }
  }

  @Test
  void refusesRoomForMorePairsThanItsArraysHoldAndStaysAsItWas() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.add(opened(ACME, SALES, "c1"));

    // Each of the model's two KPIs keeps an accumulator per pair, in one array of two slots each.
    assertThatThrownBy(() -> aggregator.ensureCapacity(Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pairs: at most 1073741823 for a model with 2 KPIs that keep no store, was "
            + Integer.MAX_VALUE);

    aggregator.add(opened(ACME, SALES, "c2"));
    aggregator.add(opened(GLOBEX, SALES, "c3"));
    assertThat(aggregator.pairs()).isEqualTo(2);
    assertThat(raw(aggregator.results().get(0).clouds().get(0), 0)).isEqualTo(2);
  }

  @Test
  void givesValuesThatCannotBeChanged() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.add(opened(ACME, SALES, "c1"));
    AccountValues account = aggregator.results().get(0);
    CloudValues cloud = account.clouds().get(0);

    assertThatThrownBy(() -> account.clouds().add(cloud))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> account.clouds().set(0, cloud))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> cloud.values().set(0, cloud.values().get(1)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> cloud.values().remove(0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(cloud.values()).hasSize(2);
  }

  @Test
  void refusesToMakeRoomForANegativeNumberOfPairs() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);

    assertThatThrownBy(() -> aggregator.ensureCapacity(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pairs: must be at least 0, was -1");
  }

  @Test
  void leavesTheSignalsOfAListAfterOneThatThrowsUnadded() {
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      signals.add(opened(ACME, SALES, "c" + i));
    }
    signals.add(opened(ACME, SERVICE, "boom-1"));
    signals.add(opened(GLOBEX, SALES, "c-after"));
    SignalAggregator aggregator = SignalAggregator.of(model, T, FailurePolicy.FAIL);

    assertThatThrownBy(() -> aggregator.addAll(signals))
        .isInstanceOf(KpiFailureException.class)
        .hasMessageStartingWith("KPI 'cases_opened' failed for account acme, cloud service");

    // The 40 cases before the throw count; globex, after it, was never seen.
    assertThat(aggregator.results()).extracting(AccountValues::account).containsExactly(ACME);
    assertThat(raw(aggregator.results().get(0).clouds().get(0), 0)).isEqualTo(40);
  }

  @Test
  void addsTheSignalsOfAListGroupedByPairBeforeANullOne() {
    // Past a batch of one pair, addAll adds one by one, and still stops at the null.
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      signals.add(opened(AccountId.of(new String("acme")), SALES, "c" + i));
    }
    signals.add(null);
    signals.add(opened(GLOBEX, SALES, "c-after"));
    SignalAggregator aggregator = SignalAggregator.of(model, T);

    assertThatThrownBy(() -> aggregator.addAll(signals)).isInstanceOf(NullPointerException.class);

    assertThat(aggregator.results()).extracting(AccountValues::account).containsExactly(ACME);
    assertThat(raw(aggregator.results().get(0).clouds().get(0), 0)).isEqualTo(50);
  }

  @Test
  void addsTheSignalsOfAListBeforeANullOne() {
    List<Signal> signals = new ArrayList<>();
    signals.add(opened(ACME, SALES, "c1"));
    signals.add(null);
    signals.add(opened(GLOBEX, SALES, "c2"));
    SignalAggregator aggregator = SignalAggregator.of(model, T);

    assertThatThrownBy(() -> aggregator.addAll(signals)).isInstanceOf(NullPointerException.class);

    assertThat(aggregator.results()).extracting(AccountValues::account).containsExactly(ACME);
  }

  @Test
  void addsAListOfSignalsOfAccountIdsMadePerRow() {
    // A CSV reader makes a new AccountId for each row; equal ids must find the same pair.
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      signals.add(opened(AccountId.of(new String("acme")), SALES, "c" + i));
    }
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.addAll(signals);

    assertThat(aggregator.pairs()).isEqualTo(1);
    assertThat(raw(aggregator.results().get(0).clouds().get(0), 0)).isEqualTo(100);
  }

  @Test
  void keepsEveryPairApartAmongManyAccountsAndCloudsWhoseHashesCollide() {
    // "Aa" and "BB" have the same String hash, so each pair of such ids shares a probe sequence.
    String[] names = {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"};
    List<Signal> signals = new ArrayList<>();
    for (int a = 0; a < 300; a++) {
      String name = names[a % names.length] + "-" + (a / names.length);
      for (int c = 0; c < 12; c++) {
        for (int n = 0; n <= (a + c) % 4; n++) {
          // A new id object for every signal, as a CSV reader makes them.
          signals.add(opened(AccountId.of(new String(name)), CloudId.of("cloud-" + c),
              "c" + n));
        }
      }
    }
    Collections.shuffle(signals, new Random(11));
    SignalAggregator oneByOne = SignalAggregator.of(model, T);
    signals.forEach(oneByOne::add);
    SignalAggregator inBatches = SignalAggregator.of(model, T);
    inBatches.addAll(signals);
    SignalAggregator firstHalf = SignalAggregator.of(model, T);
    firstHalf.addAll(signals.subList(0, signals.size() / 2));
    SignalAggregator secondHalf = SignalAggregator.of(model, T);
    secondHalf.addAll(signals.subList(signals.size() / 2, signals.size()));
    SignalAggregator merged = SignalAggregator.of(model, T);
    merged.merge(firstHalf);
    merged.merge(secondHalf);

    for (SignalAggregator aggregator : List.of(oneByOne, inBatches, merged)) {
      assertThat(aggregator.pairs()).isEqualTo(300 * 12);
      for (AccountValues account : aggregator.results()) {
        String name = account.account().value();
        int a = names.length * Integer.parseInt(name.substring(name.indexOf('-') + 1))
            + java.util.Arrays.asList(names).indexOf(name.substring(0, name.indexOf('-')));
        assertThat(account.clouds()).hasSize(12);
        for (CloudValues cloud : account.clouds()) {
          int c = Integer.parseInt(cloud.cloud().value().substring("cloud-".length()));
          assertThat(raw(cloud, 0)).as("%s in %s", name, cloud.cloud())
              .isEqualTo(1 + (a + c) % 4);
        }
      }
    }
  }

  @Test
  void mergingCarriesFailuresAndMetricsOfTheOtherAggregator() {
    SignalAggregator failing = SignalAggregator.of(model, T);
    failing.add(opened(ACME, SALES, "boom-1"));
    failing.add(new Metric(GLOBEX, SALES, "fragile", 4));
    SignalAggregator healthy = SignalAggregator.of(model, T);
    healthy.add(opened(ACME, SALES, "c1"));
    healthy.add(opened(GLOBEX, SALES, "c2"));

    healthy.merge(failing);

    CloudValues acme = healthy.results().get(0).clouds().get(0);
    CloudValues globex = healthy.results().get(1).clouds().get(0);
    assertThat(acme.values()).allSatisfy(v -> assertThat(v).isInstanceOf(NotApplicable.class));
    assertThat(((NotApplicable) acme.values().get(0)).reason())
        .isEqualTo("failed: java.lang.IllegalStateException: cannot count boom-1");
    assertThat(raw(globex, 0)).isEqualTo(1);
    assertThat(globex.values().get(1)).isEqualTo(Measured.of("fragile", 4, 1));
  }

  private static List<Signal> randomSignals(Random random, int n) {
    AccountId[] accounts = {ACME, GLOBEX};
    CloudId[] clouds = {SALES, SERVICE, WIDE};
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AccountId account = accounts[random.nextInt(accounts.length)];
      CloudId cloud = clouds[random.nextInt(clouds.length)];
      Instant at = T.minus(Duration.ofDays(random.nextInt(200) - 20));
      switch (random.nextInt(4)) {
        case 0 -> signals.add(new Contract(account, cloud == WIDE ? SALES : cloud, 10, null));
        case 1 -> signals.add(new SentimentSample(account, cloud, at, 0));
        default -> signals.add(new SupportCase("c" + i, account, cloud, at, null, null));
      }
    }
    return signals;
  }

  private static SupportCase opened(AccountId account, CloudId cloud, String id) {
    return new SupportCase(id, account, cloud, T.minus(Duration.ofDays(1)), null, null);
  }

  private static double raw(CloudValues cloud, int kpi) {
    KpiValue value = cloud.values().get(kpi);
    assertThat(value).isInstanceOf(Measured.class);
    return ((Measured) value).raw();
  }
}
