package dev.chs.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.signal.Signal;
import dev.chs.core.portfolio.Intervention;
import dev.chs.core.portfolio.InterventionTracker;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class InterventionAlertsJobTest {
  @Test
  void theExampleJob_sendsInterventionsWithDetractors_toItsSink() throws Exception {
    List<Signal> log = SampleSignals.changeLog(SampleSignals.finalRecords(15));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    CollectingSink<Intervention> alerts = CollectingSink.named("example-alerts");
    CollectingSink<Signal> late = CollectingSink.named("example-late");

    InterventionAlertsJob.wire(env, ReplaySource.of(log), SampleSignals.MODEL, alerts, late);
    LocalCluster.execute(env);

    double threshold = SampleSignals.MODEL.interventions().threshold();
    assertThat(alerts.records()).isNotEmpty().allSatisfy(event -> {
      assertThat(event.score()).isLessThan(threshold);
      assertThat(event.topDetractors())
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(InterventionTracker.TOP_DETRACTORS);
    });
    assertThat(late.records()).isEmpty();
  }
}
