package dev.chs.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Contribution;
import dev.chs.api.HealthScore;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Properties of the default model over the built-in KPIs: more trouble never raises a score, and
 * better service never lowers one. Every source is declared, so that a count KPI is a real zero
 * before the change; a score is compared only when it is given both before and after.
 */
class MonotonicityProperties {
  private static final Instant T = Instant.parse("2026-06-30T00:00:00Z");
  private static final AccountId ACME = AccountId.of("acme");
  private static final CloudId SALES = CloudId.of("sales");
  private static final HealthModel MODEL = ModelFile.defaultModel(KpiRegistry.discover());
  private static final Scorer SCORER = Scorer.of(MODEL);

  @Property(tries = 300)
  void oneMoreOpenCaseNeverRaisesAScore(@ForAll long seed) {
    List<Signal> signals = randomSignals(new Random(seed));
    List<Signal> more = new ArrayList<>(signals);
    more.add(new SupportCase("extra", ACME, SALES, T.minus(Duration.ofDays(3)), null, null));

    assertNotHigher(score(more), score(signals));
  }

  @Property(tries = 300)
  void oneMoreComplaintNeverRaisesAScore(@ForAll long seed) {
    List<Signal> signals = randomSignals(new Random(seed));
    List<Signal> more = new ArrayList<>(signals);
    more.add(new Complaint("extra", ACME, SALES, T.minus(Duration.ofDays(3))));

    assertNotHigher(score(more), score(signals));
  }

  @Property(tries = 300)
  void aFirstTimeFixNeverLowersAScore(@ForAll long seed) {
    List<Signal> signals = randomSignals(new Random(seed));
    List<Signal> better = replace(signals, s -> s instanceof SupportCase c
        && Boolean.FALSE.equals(c.firstContactResolution())
        ? new SupportCase(c.caseId(), c.account(), c.cloud(), c.openedAt(), c.closedAt(), true)
        : s);

    assertNotHigher(score(signals), score(better));
  }

  @Property(tries = 300)
  void higherAdoptionNeverLowersAScore(@ForAll long seed) {
    List<Signal> signals = randomSignals(new Random(seed));
    List<Signal> better = replace(signals, s -> s instanceof UsageSample u
        && u.activeUsers() < u.licensedUsers()
        ? new UsageSample(u.account(), u.cloud(), u.date(), u.activeUsers() + 1, u.licensedUsers())
        : s);

    assertNotHigher(score(signals), score(better));
  }

  @Property(tries = 300)
  void higherSentimentNeverLowersAScore(@ForAll long seed) {
    List<Signal> signals = randomSignals(new Random(seed));
    List<Signal> better = replace(signals, s -> s instanceof SentimentSample m
        ? new SentimentSample(m.account(), m.cloud(), m.observedAt(),
            Math.min(1, m.score() + 0.25))
        : s);

    assertNotHigher(score(signals), score(better));
  }

  /**
   * The case that once broke monotonicity: cases were closed in the window but none opened, so
   * {@code cases_closed_to_created} had no denominator and was not applicable; an opened case made
   * it applicable at a ratio of 1 or more, which scores 100 and raised the weighted mean. Now the
   * intake counts as one case, so the first opened case leaves the ratio and its score as they
   * were, and the case only adds to {@code open_support_cases}.
   */
  @Property(tries = 1)
  void openingTheFirstCaseAfterOthersWereClosedLowersTheScore() {
    Instant before = T.minus(Duration.ofDays(120));
    List<Signal> signals = List.of(
        new UsageSample(ACME, SALES, T.minus(Duration.ofDays(1)), 5, 10),
        new SupportCase("old", ACME, SALES, before, T.minus(Duration.ofDays(10)), null));
    List<Signal> more = new ArrayList<>(signals);
    more.add(new SupportCase("extra", ACME, SALES, T.minus(Duration.ofDays(3)), null, null));

    HealthScore.Scored without = (HealthScore.Scored) score(signals);
    HealthScore.Scored with = (HealthScore.Scored) score(more);

    assertThat(applicable(with)).isEqualTo(applicable(without));
    assertThat(with.score()).isLessThan(without.score());
  }

  /**
   * Asserts that {@code lower} is at most {@code higher} when both are scores. Every source is
   * declared, so a change that adds trouble cannot make a KPI applicable at a score above what it
   * takes away.
   */
  private static void assertNotHigher(HealthScore lower, HealthScore higher) {
    if (lower instanceof HealthScore.Scored low && higher instanceof HealthScore.Scored high) {
      assertThat(low.score()).isLessThanOrEqualTo(high.score() + 1e-9);
    }
  }

  private static List<String> applicable(HealthScore.Scored score) {
    return score.contributions().stream().map(Contribution::kpiId).toList();
  }

  private static HealthScore score(List<Signal> signals) {
    SignalAggregator aggregator = SignalAggregator.of(MODEL, T)
        .declareSource(SupportCase.class)
        .declareSource(WorkOrder.class)
        .declareSource(Complaint.class)
        .declareSource(UsageSample.class)
        .declareSource(SentimentSample.class);
    aggregator.addAll(signals);
    return SCORER.score(ACME, aggregator.results().get(0).clouds().get(0)).score();
  }

  private static List<Signal> replace(List<Signal> signals, UnaryOperator<Signal> change) {
    List<Signal> changed = new ArrayList<>(signals.size());
    signals.forEach(s -> changed.add(change.apply(s)));
    return changed;
  }

  private static List<Signal> randomSignals(Random random) {
    List<Signal> signals = new ArrayList<>();
    // One signal always names the cloud, so that there is a pair to score.
    signals.add(new UsageSample(ACME, SALES, T.minus(Duration.ofDays(1)), 5, 10));
    int n = random.nextInt(30);
    for (int i = 0; i < n; i++) {
      Instant at = T.minus(Duration.ofHours(random.nextInt(24 * 400)));
      switch (random.nextInt(5)) {
        case 0 -> {
          Instant closed = random.nextBoolean() ? at.plus(Duration.ofDays(random.nextInt(20)))
              : null;
          Boolean fixed = random.nextInt(3) == 0 ? null : random.nextBoolean();
          signals.add(new SupportCase("c" + i, ACME, SALES, at, closed, fixed));
        }
        case 1 -> signals.add(new WorkOrder("w" + i, ACME, SALES, at,
            at.plus(Duration.ofDays(1)), random.nextBoolean()));
        case 2 -> signals.add(new Complaint("k" + i, ACME, SALES, at));
        case 3 -> {
          long licensed = 1 + random.nextInt(50);
          signals.add(new UsageSample(ACME, SALES, at, random.nextInt((int) licensed + 1),
              licensed));
        }
        default -> signals.add(new SentimentSample(ACME, SALES, at,
            Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0));
      }
    }
    return signals;
  }
}
