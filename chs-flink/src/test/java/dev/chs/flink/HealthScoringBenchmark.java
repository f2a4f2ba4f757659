package dev.chs.flink;

import dev.chs.api.signal.Signal;
import dev.chs.core.score.AccountHealth;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Measures signals per second per core: the change log of the sample portfolio (300 accounts, 18
 * months, one score per account a day) through {@link HealthScoring} with parallelism 1 in a
 * local environment, against a baseline job that reads the same signals and drops them. Since
 * the machine may be shared, it reports the CPU time of the process as well as the wall time:
 * signals per CPU second, beyond what the baseline spends, is the figure per core.
 *
 * <p>Run it with:
 *
 * <pre>
 * mvn -q -o -pl chs-flink -am test-compile exec:exec -Pbenchmark
 * </pre>
 *
 * <p>It is not part of {@code mvn verify}. Arguments: the number of accounts (300) and of timed
 * runs (5); one warm-up run comes first.
 */
public final class HealthScoringBenchmark {
  private HealthScoringBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the number of accounts and of timed runs, both optional
   * @throws Exception if a job fails
   */
  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<Signal> log = SampleSignals.changeLog(SampleSignals.finalRecords(accounts));
    System.out.printf("%d accounts, %d signals, parallelism 1%n", accounts, log.size());

    for (int run = 0; run <= runs; run++) {
      long[] baseline = time(log, false);
      long[] scoring = time(log, true);
      if (run > 0) {
        long cpu = Math.max(1, scoring[1] - baseline[1]);
        System.out.printf(
            "run %d: wall ms baseline %d, scoring %d; CPU ms baseline %d, scoring %d;"
                + " %,d signals per CPU second beyond the baseline%n",
            run, baseline[0], scoring[0], baseline[1], scoring[1], log.size() * 1000L / cpu);
      }
    }
  }

  /** Runs a job; returns its wall time and the CPU time of this process, in milliseconds. */
  private static long[] time(List<Signal> log, boolean score) throws Exception {
    Configuration config = new Configuration();
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(1);
    var signals = env.fromSource(ReplaySource.of(log), SignalTimes.watermarks(Duration.ZERO),
        "sample");
    if (score) {
      HealthStreams streams =
          HealthScoring.builder(SampleSignals.MODEL).build().apply(signals);
      streams.scores().sinkTo(new Discard<>());
      streams.interventions().sinkTo(new Discard<>());
    } else {
      signals.sinkTo(new Discard<>());
    }
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    env.execute(score ? "scoring" : "baseline");
    return new long[] {
      (System.nanoTime() - start) / 1_000_000, (processCpuNanos() - cpuStart) / 1_000_000
    };
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Drops every record, after touching it so that nothing upstream is optimised away. */
  private static final class Discard<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        private long hashes;

        @Override
        public void write(T element, Context context) {
          hashes += element instanceof AccountHealth h ? h.asOf().hashCode() : 1;
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {
          if (hashes == 42) {
            System.out.println("");
          }
        }
      };
    }
  }
}
