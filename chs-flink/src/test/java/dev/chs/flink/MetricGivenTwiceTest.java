package dev.chs.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.KpiResult;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.MetricKpi;
import dev.chs.core.score.AccountHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A metric has no event time, so a second value for one cloud cannot replace the first. */
class MetricGivenTwiceTest {
  private static final AccountId ACCOUNT = AccountId.of("A-1");
  private static final CloudId SALES = CloudId.of("sales");
  private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  @Tag("FLINK-08")
  void aSecondValueOfAMetricKpi_isAveragedWithTheFirst_inEveryLaterScore() throws Exception {
    HealthModel model = SampleSignals.MODEL.toBuilder()
        .kpi(new MetricKpi("nps", Direction.HIGHER_IS_BETTER, new Curve.Linear(-100, 100)), 0.1)
        .build();
    List<Signal> stream = List.of(
        new Metric(ACCOUNT, SALES, "nps", 40),
        new SentimentSample(ACCOUNT, SALES, DAY.plus(Duration.ofHours(12)), 0.5),
        new Metric(ACCOUNT, SALES, "nps", -20),
        new SentimentSample(ACCOUNT, SALES, DAY.plus(Duration.ofDays(3)), 0.5));

    Run run = run(model, stream, "metric-kpi-twice");

    assertThat(run.scores).extracting(AccountHealth::asOf).containsExactly(
        DAY.plus(Duration.ofDays(1)), DAY.plus(Duration.ofDays(2)), DAY.plus(Duration.ofDays(3)));
    assertThat(run.scores).allSatisfy(health -> {
      assertThat(raw(health, "nps")).isEqualTo(10.0);
      assertThat(evidence(health, "nps")).isEqualTo(2);
    });
    assertThat(run.warnings).isEmpty();
  }

  @Test
  @Tag("FLINK-08")
  void aSecondValueOfAMetricThatGivesAKpi_isLeftOut_theFirstCounts_andItIsLoggedOnce()
      throws Exception {
    List<Signal> stream = List.of(
        new Metric(ACCOUNT, SALES, "sentiment", 0.25),
        new SentimentSample(ACCOUNT, SALES, DAY.plus(Duration.ofHours(12)), 0.5),
        new Metric(ACCOUNT, SALES, "sentiment", -0.75),
        new SentimentSample(ACCOUNT, SALES, DAY.plus(Duration.ofDays(3)), 0.5));

    Run run = run(SampleSignals.MODEL, stream, "metric-override-twice");

    assertThat(run.scores).hasSize(3)
        .allSatisfy(health -> assertThat(raw(health, "sentiment")).isEqualTo(0.25));
    assertThat(run.warnings).containsExactly("a metric 'sentiment' of account A-1 was left out"
        + " of its score: metric 'sentiment' of account A-1, cloud 'sales': must be given once,"
        + " was 0.25 and -0.75; further refusals of this kind are not logged");
  }

  private record Run(List<AccountHealth> scores, List<String> warnings) {}

  private static Run run(HealthModel model, List<Signal> stream, String name) throws Exception {
    try (Warnings warnings = Warnings.capture()) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      CollectingSink<AccountHealth> sink = CollectingSink.named(name);
      HealthScoring.builder(model).build()
          .apply(env.fromSource(ReplaySource.of(stream), SignalTimes.watermarks(Duration.ZERO),
              "signals"))
          .scores().sinkTo(sink);
      LocalCluster.execute(env);
      return new Run(sink.records(), warnings.messages());
    }
  }

  private static KpiResult.Scored scored(AccountHealth health, String kpiId) {
    for (KpiResult kpi : health.cloud(SALES).orElseThrow().score().kpis()) {
      if (kpi instanceof KpiResult.Scored scored && kpi.kpiId().equals(kpiId)) {
        return scored;
      }
    }
    throw new AssertionError(kpiId + " not scored at " + health.asOf());
  }

  private static double raw(AccountHealth health, String kpiId) {
    return scored(health, kpiId).raw();
  }

  private static long evidence(AccountHealth health, String kpiId) {
    return scored(health, kpiId).evidence();
  }
}
