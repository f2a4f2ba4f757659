package dev.chs.flink;

import dev.chs.api.signal.Signal;
import dev.chs.cli.data.DataSetReader;
import dev.chs.core.model.HealthModel;
import dev.chs.core.portfolio.Intervention;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The example job of {@code docs/flink.md}: signals from any Flink {@link Source}, scored live,
 * with the interventions and the late signals written to sinks.
 *
 * <p>Its {@code main} replays a data set folder, or the bundled sample portfolio, as the change
 * log a CRM would stream (a case when it opens and again when it closes), and prints each
 * intervention. Run it with:
 *
 * <pre>
 * mvn -q -o -pl chs-flink -am test-compile exec:exec -Pexample
 * </pre>
 */
public final class InterventionAlertsJob {
  private InterventionAlertsJob() {}

  /**
   * Wires a source of signals to the scoring operator, and its outputs to sinks.
   *
   * @param env the environment
   * @param source any source of signals, bounded or not
   * @param model the model to score with
   * @param alerts where the interventions go
   * @param late where signals later than the allowed lateness go
   * @return the operator's streams, for more sinks
   */
  public static HealthStreams wire(
      StreamExecutionEnvironment env,
      Source<Signal, ?, ?> source,
      HealthModel model,
      Sink<Intervention> alerts,
      Sink<Signal> late) {
    // Event time comes from the signals; allow an hour of disorder, and six hours of lateness.
    DataStream<Signal> signals =
        env.fromSource(source, SignalTimes.watermarks(Duration.ofHours(1)), "signals");
    HealthStreams streams = HealthScoring.builder(model)
        .allowedLateness(Duration.ofHours(6))
        .build()
        .apply(signals);
    streams.interventions().sinkTo(alerts).name("alerts");
    streams.lateSignals().sinkTo(late).name("late signals");
    return streams;
  }

  /**
   * Runs the job on a local environment.
   *
   * @param args optionally, a data set folder; the bundled sample by default
   * @throws Exception if the data set cannot be read or the job fails
   */
  public static void main(String[] args) throws Exception {
    List<Signal> records = args.length > 0
        ? read(Path.of(args[0]))
        : SampleSignals.finalRecords(300);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(10_000);
    wire(env, ReplaySource.of(SampleSignals.changeLog(records)), SampleSignals.MODEL,
        new Printing<>("intervention"), new Printing<>("late"));
    env.execute("chs intervention alerts");
  }

  private static List<Signal> read(Path folder) throws IOException {
    List<Signal> signals = new ArrayList<>();
    DataSetReader.lenient().read(folder, signals::add, (account, name) -> {},
        reject -> System.err.println("rejected " + reject));
    return signals;
  }

  /** Prints each record on standard output, after a label. */
  static final class Printing<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private final String label;

    Printing(String label) {
      this.label = label;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(T element, Context context) {
          System.out.println(label + " " + element);
        }

        @Override
        public void flush(boolean endOfInput) {
          System.out.flush();
        }

        @Override
        public void close() {}
      };
    }
  }
}
