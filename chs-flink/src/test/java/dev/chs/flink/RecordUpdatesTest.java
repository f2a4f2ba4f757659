package dev.chs.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.KpiResult;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.Signal;
import dev.chs.core.score.AccountHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** A record with the id of an earlier one replaces it from its own event time on. */
class RecordUpdatesTest {
  private static final AccountId ACCOUNT = AccountId.of("A-1");
  private static final CloudId SALES = CloudId.of("sales");
  private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void aClosingThatArrivesEarly_countsOnlyFromItsEventTime() throws Exception {
    Instant opened = DAY.plus(Duration.ofHours(12));
    Instant closed = DAY.plus(Duration.ofDays(4)).plus(Duration.ofHours(12));
    // The closing arrives first; ten days of disorder keep every emission until the end.
    List<Signal> stream = List.of(
        new SupportCase("C-1", ACCOUNT, SALES, opened, closed, true),
        new SupportCase("C-1", ACCOUNT, SALES, opened, null, null),
        new SupportCase("C-2", ACCOUNT, SALES, opened, null, null));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    CollectingSink<AccountHealth> scores = CollectingSink.named("updates");
    HealthScoring.builder(SampleSignals.MODEL).build()
        .apply(env.fromSource(ReplaySource.of(stream),
            SignalTimes.watermarks(Duration.ofDays(10)), "signals"))
        .scores().sinkTo(scores);
    LocalCluster.execute(env);

    assertThat(raw(scores.records(), 2, "open_support_cases")).isEqualTo(2);
    assertThat(raw(scores.records(), 5, "open_support_cases")).isEqualTo(2);
    assertThat(raw(scores.records(), 6, "open_support_cases")).isEqualTo(1);
    assertThat(raw(scores.records(), 6, "cases_closed_to_created")).isEqualTo(0.5);
  }

  private static double raw(List<AccountHealth> scores, int day, String kpiId) {
    Instant asOf = DAY.plus(Duration.ofDays(day - 1));
    AccountHealth health = scores.stream()
        .filter(h -> h.asOf().equals(asOf))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no score at " + asOf));
    for (KpiResult kpi : health.cloud(SALES).orElseThrow().score().kpis()) {
      if (kpi instanceof KpiResult.Scored scored && kpi.kpiId().equals(kpiId)) {
        return scored.raw();
      }
    }
    throw new AssertionError(kpiId + " not scored at " + asOf);
  }
}
