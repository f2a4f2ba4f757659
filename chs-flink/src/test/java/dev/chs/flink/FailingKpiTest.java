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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("dev.chs.flink");
    logger.addHandler(handler);
    try {
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
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).getMessage())
          .startsWith("KPI 'exploding' failed for account A-000")
          .endsWith(": java.lang.IllegalStateException: exploding: a sentiment sample; the KPI"
              + " is not applicable wherever it fails, and further failures of this KPI with"
              + " this exception type are not logged");
    } finally {
      logger.removeHandler(handler);
    }
  }
}
