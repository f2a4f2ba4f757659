package dev.chs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
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
  void options_withoutAsOf_isAUsageError() {
    assertThatThrownBy(() -> ChsSparkJob.options(new String[] {"--data", "d", "--out", "o"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--as-of is required");
  }
}
