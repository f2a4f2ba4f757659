package dev.chs.spark;

import dev.chs.api.signal.Signal;
import dev.chs.cli.data.DataSetReader;
import dev.chs.cli.data.DataSetSource;
import dev.chs.cli.data.Reject;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.Scorer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** What the Spark tests share: a local session, the sample portfolio, and the library's answers. */
final class SparkTests {
  static final Instant AS_OF = Instant.parse("2026-11-30T00:00:00Z");
  static final String SAMPLE = "/dev/chs/cli/sample";
  static final List<String> SAMPLE_FILES = List.of("accounts.csv", "contracts.csv", "cases.csv",
      "work_orders.csv", "complaints.csv", "usage.csv", "sentiment.csv", "renewals.csv",
      "metrics.csv");

  private SparkTests() {}

  private static SparkSession current;
  private static boolean currentKryo;

  /**
   * Returns the local session on two cores, with Java or Kryo serialization, shared by the test
   * classes of this JVM; asking for the other serializer stops it and starts another. The session
   * time zone is far from UTC on purpose, so that a time-zone slip shows.
   */
  static synchronized SparkSession session(boolean kryo) {
    if (current != null && currentKryo == kryo) {
      return current;
    }
    if (current != null) {
      current.stop();
    }
    SparkSession.Builder builder = SparkSession.builder()
        .master("local[2]")
        .appName("chs-spark-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "Pacific/Kiritimati");
    if (kryo) {
      builder.config("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    }
    current = builder.getOrCreate();
    currentKryo = kryo;
    return current;
  }

  static HealthModel defaultModel() {
    return ModelFile.defaultModel(KpiRegistry.discover());
  }

  /** Copies the sample portfolio that chs-cli bundles into a folder, for Spark's CSV reader. */
  /** Returns a schema of string columns, as a CSV file read without a schema has. */
  static StructType strings(String... columns) {
    StructType type = new StructType();
    for (String column : columns) {
      type = type.add(column, DataTypes.StringType);
    }
    return type;
  }

  static Path copySample(Path folder) {
    for (String file : SAMPLE_FILES) {
      try (InputStream in = DataSetReader.class.getResourceAsStream(SAMPLE + "/" + file)) {
        Files.copy(in, folder.resolve(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder;
  }

  /** Returns a new temporary folder, deleted when the JVM exits. */
  static Path tempFolder(String prefix) {
    try {
      Path folder = Files.createTempDirectory(prefix);
      folder.toFile().deleteOnExit();
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the sample portfolio with the CLI's reader, failing on any rejected row. */
  static List<Signal> sampleSignals() {
    List<Signal> signals = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    try {
      DataSetReader.lenient().read(DataSetSource.resources(DataSetReader.class, SAMPLE),
          signals::add, (account, name) -> { }, rejects::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!rejects.isEmpty()) {
      throw new IllegalStateException("sample portfolio: rejected rows " + rejects);
    }
    return signals;
  }

  /** The in-process library's answer: SignalAggregator, then Scorer. */
  static SignalAggregator aggregate(HealthModel model, List<Signal> signals, Instant asOf) {
    SignalAggregator aggregator = SignalAggregator.of(model, asOf);
    aggregator.addAll(signals);
    return aggregator;
  }

  static List<AccountHealth> libraryHealth(HealthModel model, List<Signal> signals, Instant at) {
    return Scorer.of(model).scoreAll(aggregate(model, signals, at).results(), at);
  }
}
