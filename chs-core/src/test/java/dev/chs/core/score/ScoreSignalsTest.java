package dev.chs.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.AccountId;
import dev.chs.api.Band;
import dev.chs.api.CloudId;
import dev.chs.api.Contribution;
import dev.chs.api.HealthScore;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raw signals to scores in one call, through the default model and the built-in KPIs. */
class ScoreSignalsTest {
  private static final Instant T = Instant.parse("2026-06-30T00:00:00Z");
  private static final AccountId ACME = AccountId.of("acme");
  private static final CloudId SALES = CloudId.of("sales");

  private final HealthModel model = ModelFile.defaultModel(KpiRegistry.discover());
  private final Scorer scorer = Scorer.of(model);

  @Test
  void scoresRawSignalsThroughTheDefaultModel() {
    AccountHealth acme = scorer.scoreSignals(signals(), T).get(0);

    // open_support_cases: 2 open             -> curve (0,100) (2,80)        -> 80, weight 0.15
    // cases_closed_to_created: 0 / 2 = 0     -> below (0.4, 0)              ->  0, weight 0.10
    // first_time_fix_rate: nothing closed    -> not applicable,                 weight 0.15
    // work_order_volume: no work orders      -> not applicable,                 weight 0.05
    // complaints_raised: 1                   -> step from 1                 -> 40, weight 0.15
    // product_adoption: (0.75 + 0.5) / 2     -> (0.625 - 0.1) / 0.7 = 0.75  -> 75, weight 0.25
    // sentiment: (-0.3 + 0.3) / 2 = 0        -> (0 + 0.6) / 1.2             -> 50, weight 0.15
    // applicable weight 0.80; score = (12 + 0 + 6 + 18.75 + 7.5) / 0.8 = 55.3125
    HealthScore.Scored sales = (HealthScore.Scored) acme.clouds().get(0).score();
    assertThat(sales.cloud()).isEqualTo(SALES);
    assertThat(sales.score()).isCloseTo(55.3125, within(1e-9));
    assertThat(sales.coverage()).isCloseTo(0.8, within(1e-12));
    assertThat(sales.band()).isEqualTo(Band.WATCH);
    assertThat(sales.flags()).containsExactly("COMPLAINT");
    assertThat(sales.contributions()).extracting(Contribution::kpiId).containsExactly(
        "open_support_cases", "cases_closed_to_created", "complaints_raised",
        "product_adoption", "sentiment");
    assertThat(sales.contributions().get(3).points()).isCloseTo(0.25 / 0.8 * 75, within(1e-9));

    double renewal = 1 / (1 + Math.exp(-(55.3125 - 50) / 12));
    assertThat(acme.clouds().get(0).renewalProbability()).hasValueCloseTo(renewal, within(1e-9));
    assertThat(acme.clouds().get(0).expectedLoss())
        .hasValueCloseTo(100_000 * (1 - renewal), within(1e-6));
    assertThat(((OverallHealth.Scored) acme.overall()).score())
        .isCloseTo(55.3125, within(1e-9));
  }

  @Test
  void givesWhatTheAggregatorAndScorerGiveStepByStep() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.addAll(signals());

    assertThat(scorer.scoreSignals(signals(), T))
        .isEqualTo(scorer.scoreAll(aggregator.results(), T));
  }

  @Test
  void neverCountsSignalsAfterTheAsOfInstant() {
    List<Signal> later = new ArrayList<>(signals());
    later.add(new Complaint("k2", ACME, SALES, T.plusSeconds(1)));
    later.add(new SupportCase("c9", ACME, SALES, T.plusSeconds(1), null, null));
    later.add(new SentimentSample(ACME, SALES, T.plus(Duration.ofDays(3)), -1));

    assertThat(scorer.scoreSignals(later, T)).isEqualTo(scorer.scoreSignals(signals(), T));
  }

  private static List<Signal> signals() {
    Instant tenDaysAgo = T.minus(Duration.ofDays(10));
    return List.of(
        new Contract(ACME, SALES, 100_000, null),
        new SupportCase("c1", ACME, SALES, tenDaysAgo, null, null),
        new SupportCase("c2", ACME, SALES, tenDaysAgo, null, null),
        new Complaint("k1", ACME, SALES, T),
        new UsageSample(ACME, SALES, tenDaysAgo, 30, 40),
        new UsageSample(ACME, SALES, T.minus(Duration.ofDays(40)), 50, 100),
        new SentimentSample(ACME, SALES, tenDaysAgo, -0.3),
        new SentimentSample(ACME, SALES, tenDaysAgo, 0.3));
  }
}
