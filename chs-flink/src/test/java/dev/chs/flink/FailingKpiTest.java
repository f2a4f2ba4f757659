package dev.chs.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.kpi.KpiResult;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.core.model.HealthModel;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class FailingKpiTest {
  @Test
  @Tag("FLINK-09")
  void aKpiThatThrows_isNotApplicable_andLoggedOncePerCause() throws Exception {
    HealthModel model =
        SampleSignals.MODEL.toBuilder().kpi(new ExplodingKpi(), 0.05).build();
    List<Signal> log = SampleSignals.changeLog(SampleSignals.finalRecords(3));
    try (Warnings warnings = Warnings.capture()) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      CollectingSink<AccountHealth> scores = CollectingSink.named("failing-kpi");
      HealthScoring.builder(model).build()
          .apply(env.fromSource(ReplaySource.of(log), SignalTimes.watermarks(Duration.ZERO),
              "sample"))
          .scores().sinkTo(scores);
      LocalCluster.execute(env);

      long failed = 0;
      for (AccountHealth health : scores.records()) {
        for (CloudHealth cloud : health.clouds()) {
          KpiResult exploding = cloud.score().kpis().get(model.kpis().size() - 1);
          assertThat(exploding.kpiId()).isEqualTo(ExplodingKpi.ID);
          if (exploding instanceof KpiValue.NotApplicable na && na.reason().startsWith("failed")) {
            assertThat(na.reason()).isEqualTo(
                "failed: java.lang.IllegalStateException: exploding: a sentiment sample");
            failed++;
          }
        }
      }
      assertThat(scores.records()).hasSizeGreaterThan(100);
      assertThat(failed).isGreaterThan(100);
      assertThat(warnings.messages()).hasSize(1);
      assertThat(warnings.messages().get(0))
          .startsWith("KPI 'exploding' failed for account A-000")
          .endsWith(": java.lang.IllegalStateException: exploding: a sentiment sample; the KPI"
              + " is not applicable wherever it fails, and further failures of this KPI with"
              + " this exception type are not logged");
    }
  }
}
