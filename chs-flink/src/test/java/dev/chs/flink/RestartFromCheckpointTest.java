package dev.chs.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.signal.Signal;
import dev.chs.core.portfolio.Intervention;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.OverallHealth;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * A failure injected in mid-stream: the job restarts from its last checkpoint, and its committed
 * output (scores and interventions, through a two-phase-commit sink) equals that of a run without
 * the failure, with nothing lost and nothing twice.
 */
class RestartFromCheckpointTest {
  private static final int ACCOUNTS = 12;
  /** The failure comes at the first record after this many, once a checkpoint has completed. */
  private static final int FAIL_AFTER = 300;

  @Test
  void aRestartFromACheckpoint_neitherLosesNorRepeatsCommittedOutput() throws Exception {
    List<Signal> log = SampleSignals.changeLog(SampleSignals.finalRecords(ACCOUNTS));

    List<String> clean = run(log, false, "clean");
    FailOnce.reset();
    List<String> recovered = run(log, true, "recovered");

    assertThat(FailOnce.FAILED).isTrue();
    assertThat(FailOnce.ATTEMPTS.get()).isGreaterThanOrEqualTo(2);
    assertThat(recovered).doesNotHaveDuplicates();
    assertThat(clean).doesNotHaveDuplicates();
    assertThat(new HashSet<>(recovered)).isEqualTo(new HashSet<>(clean));
    assertThat(recovered).hasSameSizeAs(clean);
    assertThat(clean.stream().filter(line -> line.startsWith("intervention"))).hasSizeGreaterThan(3);
  }

  private static List<String> run(List<Signal> log, boolean fail, String name) throws Exception {
    Configuration config = new Configuration();
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(50));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);
    env.enableCheckpointing(50);

    DataStream<Signal> signals = env
        .fromSource(ReplaySource.of(log), SignalTimes.watermarks(Duration.ZERO), "sample")
        .setParallelism(1)
        .map(new FailOnce(fail))
        .setParallelism(1);
    HealthStreams streams = HealthScoring.builder(SampleSignals.MODEL).build().apply(signals);
    CommittingSink sink = CommittingSink.named(name);
    streams.scores().map(RestartFromCheckpointTest::line)
        .union(streams.interventions().map(RestartFromCheckpointTest::line))
        .sinkTo(sink);
    LocalCluster.execute(env);
    return sink.committed();
  }

  /** Names a score by its account, instant and every number that ranks or bands it. */
  private static String line(AccountHealth health) {
    StringBuilder line = new StringBuilder("score ").append(health.account()).append(' ')
        .append(health.asOf());
    for (CloudHealth cloud : health.clouds()) {
      line.append(' ').append(cloud.cloud()).append('=').append(cloud.value());
    }
    if (health.overall() instanceof OverallHealth.Scored overall) {
      line.append(" *=").append(overall.score());
    }
    return line.toString();
  }

  private static String line(Intervention intervention) {
    return "intervention " + intervention;
  }

  /**
   * Passes signals through, slowly until it has failed, so that checkpoints complete first; it
   * throws once, at the first record after {@link #FAIL_AFTER} once a checkpoint has completed.
   */
  private static final class FailOnce extends RichMapFunction<Signal, Signal>
      implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    static volatile boolean FAILED;
    static volatile boolean CHECKPOINTED;
    static final AtomicInteger ATTEMPTS = new AtomicInteger();

    private final boolean fail;
    private transient int seen;

    FailOnce(boolean fail) {
      this.fail = fail;
    }

    static void reset() {
      FAILED = false;
      CHECKPOINTED = false;
      ATTEMPTS.set(0);
    }

    @Override
    public void open(OpenContext context) {
      ATTEMPTS.incrementAndGet();
    }

    @Override
    public Signal map(Signal signal) throws InterruptedException {
      if (fail && !FAILED) {
        seen++;
        Thread.sleep(1);
        if (seen > FAIL_AFTER && CHECKPOINTED) {
          FAILED = true;
          throw new IllegalStateException("failure injected after " + seen + " signals");
        }
      }
      return signal;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTED = true;
    }
  }
}
