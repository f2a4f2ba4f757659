package dev.chs.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.KpiResult;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.core.score.AccountHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LateSignalsTest {
  private static final AccountId ACCOUNT = AccountId.of("A-1");
  private static final CloudId SALES = CloudId.of("sales");
  private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

  /** Samples on days 1 and 5 in order, then one of day 2 after the watermark passed day 5. */
  private static final List<Signal> STREAM = List.of(
      sample(1, 12, 0.5), sample(5, 12, 0.1), sample(2, 12, -0.9));

  @Test
  @Tag("FLINK-06")
  void aSignalLaterThanTheLateness_goesToTheSideOutput_andIsCounted() throws Exception {
    Result result = run(STREAM, Duration.ZERO, "late-zero");

    assertThat(result.late).containsExactly(STREAM.get(2));
    assertThat(result.lateCount).isEqualTo(1L);
    assertThat(sentimentAt(result.scores, 3)).isCloseTo(0.5, within(1e-6));
  }

  @Test
  void aSignalWithinTheLateness_countsInTheScore() throws Exception {
    Result result = run(STREAM, Duration.ofDays(3), "late-three-days");

    assertThat(result.late).isEmpty();
    assertThat(result.lateCount).isZero();
    assertThat(sentimentAt(result.scores, 3)).isCloseTo(-0.2, within(1e-6));
  }

  @Test
  void everyEmission_isAtADayBoundary_once_inOrder() throws Exception {
    Result result = run(STREAM, Duration.ZERO, "late-order");

    List<Instant> instants = result.scores.stream().map(AccountHealth::asOf).toList();
    assertThat(instants).isSorted().doesNotHaveDuplicates()
        .allMatch(instant -> instant.toEpochMilli() % Duration.ofDays(1).toMillis() == 0);
    assertThat(instants.get(0)).isEqualTo(DAY.plus(Duration.ofDays(1)));
  }

  @Test
  @Tag("FLINK-07")
  void aSignalDatedAhead_movesTheWatermark_andMakesTheSignalsAfterItLate() throws Exception {
    // Day 1, then a sample mistyped as day 31, then days 2 and 3 of another account.
    SentimentSample ahead = sample(31, 12, 0.4);
    SentimentSample other2 = new SentimentSample(
        AccountId.of("A-2"), SALES, DAY.plus(Duration.ofDays(1)), -0.5);
    SentimentSample other3 = new SentimentSample(
        AccountId.of("A-2"), SALES, DAY.plus(Duration.ofDays(2)), -0.5);

    Result result = run(List.of(sample(1, 12, 0.5), ahead, other2, other3), Duration.ZERO,
        "late-ahead");

    assertThat(result.late).containsExactly(other2, other3);
    assertThat(result.lateCount).isEqualTo(2L);
    assertThat(result.scores).allMatch(health -> health.account().equals(ACCOUNT));
    assertThat(result.scores.get(result.scores.size() - 1).asOf())
        .isEqualTo(DAY.plus(Duration.ofDays(31)));
  }

  private record Result(List<AccountHealth> scores, List<Signal> late, long lateCount) {}

  private static Result run(List<Signal> stream, Duration lateness, String name)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    HealthStreams streams = HealthScoring.builder(SampleSignals.MODEL)
        .allowedLateness(lateness)
        .build()
        .apply(env.fromSource(ReplaySource.of(stream), SignalTimes.watermarks(Duration.ZERO),
            "signals"));
    CollectingSink<AccountHealth> scores = CollectingSink.named(name + "-scores");
    CollectingSink<Signal> late = CollectingSink.named(name + "-late");
    streams.scores().sinkTo(scores);
    streams.lateSignals().sinkTo(late);
    JobExecutionResult job = LocalCluster.execute(env);
    Long count = job.getAccumulatorResult(HealthScoring.LATE_SIGNALS_METRIC);
    return new Result(scores.records(), late.records(), count == null ? 0 : count);
  }

  private static double sentimentAt(List<AccountHealth> scores, int day) {
    Instant asOf = DAY.plus(Duration.ofDays(day - 1));
    AccountHealth health = scores.stream()
        .filter(h -> h.asOf().equals(asOf))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no score at " + asOf));
    for (KpiResult kpi : health.cloud(SALES).orElseThrow().score().kpis()) {
      if (kpi instanceof KpiResult.Scored scored && kpi.kpiId().equals("sentiment")) {
        return scored.raw();
      }
    }
    throw new AssertionError("sentiment not scored at " + asOf);
  }

  private static SentimentSample sample(int day, int hour, double score) {
    return new SentimentSample(
        ACCOUNT, SALES, DAY.plus(Duration.ofDays(day - 1)).plus(Duration.ofHours(hour)), score);
  }
}
