package dev.chs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.core.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The example job writes scores, watchlist and revenue at risk for a data-set folder. */
class ChsSparkJobTest {
  @Test
  void run_onTheSample_writesTheThreeOutputs() {
    SparkSession spark = SparkTests.session(false);
    Path data = SparkTests.copySample(SparkTests.tempFolder("chs-job-in"));
    Path out = SparkTests.tempFolder("chs-job-out");

    ChsSparkJob.run(spark, ChsSparkJob.options(new String[] {
      "--data", data.toString(), "--as-of", "2026-11-30", "--out", out.toString()}));

    var csv = spark.read().option("header", "true");
    assertThat(csv.csv(out.resolve("scores").toString()).count()).isEqualTo(882);
    assertThat(csv.csv(out.resolve("watchlist").toString()).count()).isPositive();
    assertThat(csv.csv(out.resolve("revenue_at_risk").toString()).count()).isEqualTo(1 + 3 + 4);
  }

  @Test
  @Tag("SPARK-17")
  void options_withoutAsOf_isAUsageError() {
    assertThatThrownBy(() -> ChsSparkJob.options(new String[] {"--data", "d", "--out", "o"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--as-of is required");
  }

  @Test
  @Tag("SPARK-17")
  void options_thatAreNotPairsOrOutOfRange_areUsageErrors() {
    assertThatThrownBy(() -> ChsSparkJob.options(new String[] {"--data", "d", "--out"}))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected --name value pairs, found '--out'");
    assertThatThrownBy(() -> ChsSparkJob.options(
        new String[] {"--data", "d", "--out", "o", "--as-of", "07/01/2026"}))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("--as-of: must be a date or an ISO-8601 instant, was '07/01/2026'");
    assertThatThrownBy(() -> ChsSparkJob.options(new String[] {
      "--data", "d", "--out", "o", "--as-of", "2026-07-01", "--format", "json"}))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("--format: must be csv or parquet, was 'json'");
  }

  @Test
  @Tag("SPARK-17")
  void options_ofAnUnknownName_areAUsageError_onTheCommandLineAndInRun() {
    assertThatThrownBy(() -> ChsSparkJob.options(new String[] {
      "--data", "d", "--out", "o", "--as-of", "2026-07-01", "--modle", "m.yaml"}))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("--modle: unknown option; expected --data, --as-of, --out, --model, --format");

    SparkSession spark = SparkTests.session(false);
    assertThatThrownBy(() -> ChsSparkJob.run(spark,
        Map.of("data", "d", "out", "o", "as-of", "07/01/2026")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("--as-of: must be a date or an ISO-8601 instant, was '07/01/2026'");
  }

  @Test
  @Tag("SPARK-18")
  void model_thatIsMissingOrNotValid_stopsTheJobBeforeReadingData() throws IOException {
    SparkSession spark = SparkTests.session(false);
    Path folder = SparkTests.tempFolder("chs-job-model");
    Path model = Files.writeString(folder.resolve("model.yaml"), "kpis: [{id: nps}]\n");
    Path missing = folder.resolve("none.yaml");

    assertThatThrownBy(() -> ChsSparkJob.run(spark, Map.of("data", "unused", "as-of",
        "2026-11-30", "out", folder.resolve("out").toString(), "model", model.toString())))
        .isExactlyInstanceOf(ModelException.class)
        .hasMessageStartingWith(model + ": 3 errors")
        .hasMessageContaining("kpis[0].id: unknown KPI 'nps'; available: ");
    assertThatThrownBy(() -> ChsSparkJob.run(spark, Map.of("data", "unused", "as-of",
        "2026-11-30", "out", folder.resolve("out").toString(), "model", missing.toString())))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("[PATH_NOT_FOUND] Path does not exist: file:" + missing);
  }
}
