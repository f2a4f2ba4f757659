package dev.chs.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiResult;
import dev.chs.api.signal.Signal;
import dev.chs.core.portfolio.Intervention;
import dev.chs.core.portfolio.InterventionTracker;
import dev.chs.core.portfolio.ScoreKey;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The streaming score equals the batch library's: at every instant each account emitted, and at
 * the three month ends checked for every account, on the first 20 accounts of the sample. So do
 * the interventions.
 */
class BatchEqualityTest {
  private static final int ACCOUNTS = 20;
  private static final List<Instant> MONTH_ENDS = List.of(
      Instant.parse("2026-09-30T00:00:00Z"),
      Instant.parse("2026-10-31T00:00:00Z"),
      Instant.parse("2026-11-30T00:00:00Z"));

  private static List<Signal> records;
  private static HealthScoring unbounded;
  private static HealthScoring bounded;
  private static List<AccountHealth> unboundedScores;
  private static List<AccountHealth> boundedScores;
  private static List<Intervention> interventions;
  private static final Map<Instant, Map<AccountId, AccountHealth>> BATCH = new TreeMap<>();

  @BeforeAll
  static void runJob() throws Exception {
    records = SampleSignals.finalRecords(ACCOUNTS);
    unbounded = HealthScoring.builder(SampleSignals.MODEL)
        .retention(Duration.ofDays(36_500))
        .build();
    bounded = HealthScoring.builder(SampleSignals.MODEL).uid("bounded").build();

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    DataStream<Signal> signals = env
        .fromSource(ReplaySource.of(SampleSignals.changeLog(records)),
            SignalTimes.watermarks(Duration.ZERO), "sample")
        .setParallelism(1);
    CollectingSink<AccountHealth> all = CollectingSink.named("equality-unbounded");
    CollectingSink<AccountHealth> monthEnds = CollectingSink.named("equality-bounded");
    CollectingSink<Intervention> events = CollectingSink.named("equality-interventions");
    HealthStreams streams = unbounded.apply(signals);
    streams.scores().sinkTo(all);
    streams.interventions().sinkTo(events);
    bounded.apply(signals).scores()
        .filter(health -> MONTH_ENDS.contains(health.asOf()))
        .sinkTo(monthEnds);
    LocalCluster.execute(env);
    unboundedScores = all.records();
    boundedScores = monthEnds.records();
    interventions = events.records();
  }

  private static Map<AccountId, AccountHealth> batchAt(Instant asOf) {
    return BATCH.computeIfAbsent(asOf, t ->
        SampleSignals.batch(SampleSignals.MODEL, unbounded.sources(), records, t));
  }

  @Test
  void everyEmittedScore_equalsBatch_bitForBit() {
    Map<Instant, List<AccountHealth>> byInstant = new TreeMap<>();
    for (AccountHealth health : unboundedScores) {
      byInstant.computeIfAbsent(health.asOf(), t -> new ArrayList<>()).add(health);
    }
    assertThat(byInstant).hasSizeGreaterThan(500); // a score a day for 18 months

    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (Map.Entry<Instant, List<AccountHealth>> instant : byInstant.entrySet()) {
      Map<AccountId, AccountHealth> batch = batchAt(instant.getKey());
      for (AccountHealth streamed : instant.getValue()) {
        compared++;
        if (!streamed.equals(batch.get(streamed.account()))) {
          mismatches.add(streamed.account() + " at " + instant.getKey());
        }
      }
    }
    assertThat(mismatches).as("accounts and instants whose score differs").isEmpty();
    assertThat(compared).isGreaterThan(ACCOUNTS * 500);
  }

  @Test
  void monthEnds_haveEveryAccount_withTheBatchScores() {
    for (Instant asOf : MONTH_ENDS) {
      Map<AccountId, AccountHealth> batch = batchAt(asOf);
      Map<AccountId, AccountHealth> streamed = new TreeMap<>();
      for (AccountHealth health : unboundedScores) {
        if (health.asOf().equals(asOf)) {
          assertThat(streamed.put(health.account(), health)).as("a second score").isNull();
        }
      }
      assertThat(streamed.keySet()).as("accounts at " + asOf).isEqualTo(batch.keySet());
      List<AccountId> differ = new ArrayList<>();
      streamed.forEach((account, health) -> {
        if (!health.equals(batch.get(account))) {
          differ.add(account);
        }
      });
      assertThat(differ).as("accounts whose score differs at " + asOf).isEmpty();
    }
    assertThat(records.stream().map(Signal::account).distinct()).hasSize(ACCOUNTS);
  }

  /**
   * The interventions equal those of trackers, one per cloud and one overall, that watch the
   * batch scores at the same instants, in order.
   */
  @Test
  void interventions_equalTrackersOverTheBatchScores() {
    Map<ScoreKey, InterventionTracker> trackers = new TreeMap<>();
    List<Intervention> expected = new ArrayList<>();
    List<AccountHealth> inOrder = new ArrayList<>(unboundedScores);
    inOrder.sort(Comparator.comparing(AccountHealth::asOf));
    for (AccountHealth streamed : inOrder) {
      AccountHealth batch = batchAt(streamed.asOf()).get(streamed.account());
      List<ScoreKey> keys = new ArrayList<>();
      batch.clouds().forEach(cloud -> keys.add(ScoreKey.of(batch.account(), cloud.cloud())));
      keys.add(ScoreKey.overall(batch.account()));
      for (ScoreKey key : keys) {
        trackers.computeIfAbsent(key,
                k -> InterventionTracker.of(k, SampleSignals.MODEL.interventions()))
            .observe(batch)
            .ifPresent(expected::add);
      }
    }

    assertThat(expected).hasSizeGreaterThan(5);
    assertThat(interventions).doesNotHaveDuplicates();
    assertThat(new HashSet<>(interventions)).isEqualTo(new HashSet<>(expected));
    assertThat(interventions).hasSameSizeAs(expected)
        .allMatch(event -> !event.topDetractors().isEmpty());
  }

  /**
   * With the default retention, a closed case that left it no longer counts as evidence of
   * {@code open_support_cases}; every other part of the score still equals batch bit for bit.
   */
  @Test
  void defaultRetention_keepsEveryNumber_butOldEvidence() {
    assertThat(boundedScores.size()).isEqualTo(ACCOUNTS * MONTH_ENDS.size());
    int evidenceDiffers = 0;
    for (AccountHealth streamed : boundedScores) {
      AccountHealth batch = batchAt(streamed.asOf()).get(streamed.account());
      String where = streamed.account() + " at " + streamed.asOf();
      assertThat(streamed.overall().equals(batch.overall())).as(where).isTrue();
      assertThat(streamed.clouds().size()).as(where).isEqualTo(batch.clouds().size());
      for (int i = 0; i < batch.clouds().size(); i++) {
        CloudHealth mine = streamed.clouds().get(i);
        CloudHealth theirs = batch.clouds().get(i);
        assertThat(withoutEvidence(mine.score()).equals(withoutEvidence(theirs.score())))
            .as(where + " " + mine.cloud()).isTrue();
        assertThat(mine.renewalProbability()).isEqualTo(theirs.renewalProbability());
        assertThat(mine.expectedLoss()).isEqualTo(theirs.expectedLoss());
        if (!mine.equals(theirs)) {
          evidenceDiffers++;
        }
      }
    }
    // The sample is 18 months long, so the retention of 360 days does drop old closed cases.
    assertThat(evidenceDiffers).isPositive();
  }

  private static List<Object> withoutEvidence(HealthScore score) {
    List<Object> parts = new ArrayList<>();
    parts.add(score.getClass());
    parts.add(score.coverage());
    if (score instanceof HealthScore.Scored scored) {
      parts.add(scored.score());
      parts.add(scored.band());
      parts.add(scored.contributions());
      parts.add(new TreeSet<>(scored.flags()));
    }
    for (KpiResult kpi : score.kpis()) {
      if (kpi instanceof KpiResult.Scored s) {
        parts.add(List.of(s.kpiId(), s.raw(), s.score(), s.flags()));
      } else {
        parts.add(kpi);
      }
    }
    return parts;
  }
}
