package dev.chs.core.score;

import static dev.chs.core.score.ScorerTest.SALES;
import static dev.chs.core.score.ScorerTest.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.Band;
import dev.chs.core.model.HealthModel;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ColumnarScorerTest {
  /** a weighs 2 and b 1, but 0 and 1 in service; coverage 0.5 needed. */
  private final HealthModel model = HealthModel.builder()
      .kpi(FakeKpi.identity("a"), 2)
      .kpi(FakeKpi.identity("b"), 1)
      .cloudWeight("a", SERVICE, 0)
      .build();
  private final ColumnarScorer scorer = ColumnarScorer.of(model, List.of(SALES, SERVICE));

  @Test
  void scoresEachRowWithTheWeightsOfItsCloud() {
    // Row 0, sales: (2 * 90 + 1 * 30) / 3 = 70, HEALTHY, coverage 1.
    // Row 1, service: a weighs 0, so the score is b's 30, AT_RISK, coverage 1 / 1.
    // Row 2, sales: only b (1 of 3) applicable: coverage 1/3 < 0.5, insufficient data.
    double[][] columns = {{90, 90, Double.NaN}, {30, 30, 30}};
    double[] scores = new double[3];
    double[] coverage = new double[3];
    Band[] bands = new Band[3];

    scorer.score(3, columns, new int[] {0, 1, 0}, scores, coverage, bands);

    assertThat(scores[0]).isCloseTo(70, within(1e-9));
    assertThat(scores[1]).isEqualTo(30);
    assertThat(scores[2]).isNaN();
    assertThat(coverage).containsExactly(1, 1, 1.0 / 3);
    assertThat(bands).containsExactly(Band.HEALTHY, Band.AT_RISK, null);
  }

  @Test
  void takesANanOfAnyBitPatternAsNotApplicable() {
    // One cloud, and NaNs whose bits are as close to an infinity's as a NaN's can be, or negative.
    double quietestNan = Double.longBitsToDouble(0x7ff0_0000_0000_0001L);
    double negativeNan = Double.longBitsToDouble(0xfff8_0000_0000_0000L);
    ColumnarScorer oneCloud = ColumnarScorer.of(model, List.of(SALES));
    double[][] columns = {{quietestNan, quietestNan, 60, negativeNan},
        {quietestNan, quietestNan, 30, negativeNan}};
    double[] scores = new double[4];
    double[] coverage = new double[4];
    Band[] bands = new Band[4];

    oneCloud.score(2, columns, new int[4], scores, coverage, bands);
    assertThat(scores[0]).isNaN();
    assertThat(scores[1]).isNaN();
    assertThat(coverage).startsWith(0, 0);

    // (2 * 60 + 1 * 30) / 3 = 50 where both have a value.
    oneCloud.score(4, columns, new int[4], scores, coverage, bands);
    assertThat(scores[2]).isCloseTo(50, within(1e-9));
    assertThat(scores[3]).isNaN();
    assertThat(coverage).containsExactly(0, 0, 1, 0);
    assertThat(bands).containsExactly(null, null, Band.WATCH, null);
  }

  @Test
  @Tag("API-34")
  void rejectsACloudIndexOutOfRangeNamingTheRow() {
    double[][] columns = {{50, 50}, {50, 50}};

    assertThatThrownBy(() -> scorer.score(
            2, columns, new int[] {0, 2}, new double[2], new double[2], new Band[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cloudOfRow[1]: must be in [0, 2), was 2");
  }

  @Test
  @Tag("API-35")
  void writesEveryRowBeforeAFaultyOneAndNoneAfterIt() {
    // Row 700 lies in the second block of rows; row 900 would be faulty too.
    Rows rows = new Rows();
    rows.columns[1][700] = Double.NEGATIVE_INFINITY;
    rows.clouds[900] = -1;

    assertScoringStopsAt(
        rows, 700, "curveInputs[1][700] (b): must be finite or NaN, was -Infinity");
  }

  @Test
  @Tag("API-35")
  void reportsABadCloudIndexThatComesBeforeAnInfiniteInputInTheSameBlock() {
    Rows rows = new Rows();
    rows.columns[0][800] = Double.POSITIVE_INFINITY;
    rows.clouds[600] = 2;

    assertScoringStopsAt(rows, 600, "cloudOfRow[600]: must be in [0, 2), was 2");
  }

  /** 1,000 rows of sales, each of inputs 90 and 30, and so of score 70. */
  private static final class Rows {
    final double[][] columns = new double[2][1000];
    final int[] clouds = new int[1000];

    Rows() {
      java.util.Arrays.fill(columns[0], 90);
      java.util.Arrays.fill(columns[1], 30);
    }
  }

  /**
   * Scores the rows and checks that scoring stops at row {@code faulty} with {@code message},
   * having written every row before it and none after it.
   */
  private void assertScoringStopsAt(Rows rows, int faulty, String message) {
    double[] scores = new double[1000];
    java.util.Arrays.fill(scores, -1);
    // No row of these scores CRITICAL, so a band of CRITICAL is one that was not written.
    Band[] bands = new Band[1000];
    java.util.Arrays.fill(bands, Band.CRITICAL);

    assertThatThrownBy(() -> scorer.score(
            1000, rows.columns, rows.clouds, scores, new double[1000], bands))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThat(java.util.Arrays.copyOfRange(scores, 0, faulty)).containsOnly(scores[0]);
    assertThat(scores[0]).isCloseTo(70, within(1e-9));
    assertThat(java.util.Arrays.copyOfRange(scores, faulty, 1000)).containsOnly(-1.0);
    assertThat(java.util.Arrays.copyOfRange(bands, 0, faulty)).containsOnly(Band.HEALTHY);
    assertThat(java.util.Arrays.copyOfRange(bands, faulty, 1000)).containsOnly(Band.CRITICAL);
  }

  @Test
  @Tag("API-35")
  void rejectsAnInfiniteInputThatWouldNotCountInItsRow() {
    // In service a weighs 0; in sales b alone is 1 of 3, below the minimum coverage of 0.5.
    double[][] inAKpiOfWeightZero = {{Double.NEGATIVE_INFINITY}, {30}};
    double[][] inARowWithoutEnoughCoverage = {{Double.NaN}, {Double.POSITIVE_INFINITY}};

    assertThatThrownBy(() -> scorer.score(1, inAKpiOfWeightZero, new int[] {1},
            new double[1], new double[1], new Band[1]))
        .hasMessage("curveInputs[0][0] (a): must be finite or NaN, was -Infinity");
    assertThatThrownBy(() -> scorer.score(1, inARowWithoutEnoughCoverage, new int[] {0},
            new double[1], new double[1], new Band[1]))
        .hasMessage("curveInputs[1][0] (b): must be finite or NaN, was Infinity");
  }

  @Test
  @Tag("API-34")
  void rejectsInputsWithoutOneColumnPerKpi() {
    assertThatThrownBy(() -> scorer.score(
            1, new double[][] {{50}}, new int[1], new double[1], new double[1], new Band[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("curveInputs: must hold one column per KPI, 2 for [a, b], was 1");
  }

  @Test
  @Tag("API-35")
  void rejectsAnInfiniteCurveInputNamingItsKpiAndRow() {
    double[][] columns = {{50}, {Double.POSITIVE_INFINITY}};

    assertThatThrownBy(() -> scorer.score(
            1, columns, new int[1], new double[1], new double[1], new Band[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("curveInputs[1][0] (b): must be finite or NaN, was Infinity");
  }

  @Test
  void scoresAModelTooLargeForItsShareTableExactlyAsScorerDoes() {
    // 20 KPIs leave no room for a table of shares, so each row divides its own.
    HealthModel.Builder builder = HealthModel.builder();
    for (int k = 0; k < 20; k++) {
      builder.kpi(FakeKpi.identity("k" + k), 1 + k % 3);
    }
    HealthModel large = builder.cloudWeight("k3", SERVICE, 0).build();
    ColumnarScorer columnar = ColumnarScorer.of(large, List.of(SALES, SERVICE));
    Scorer scorer = Scorer.of(large);
    java.util.Random random = new java.util.Random(5);
    int rows = 300;
    double[][] columns = new double[20][rows];
    int[] clouds = new int[rows];
    for (int r = 0; r < rows; r++) {
      // Some rows have most KPIs missing, so that they fall short of the minimum coverage.
      int missing = r % 3 == 0 ? 80 : 15;
      for (int k = 0; k < 20; k++) {
        columns[k][r] = random.nextInt(100) < missing ? Double.NaN : random.nextDouble() * 100;
      }
      clouds[r] = r % 2;
    }
    double[] scores = new double[rows];
    double[] coverage = new double[rows];
    Band[] bands = new Band[rows];

    columnar.score(rows, columns, clouds, scores, coverage, bands);

    int scored = 0;
    for (int r = 0; r < rows; r++) {
      List<dev.chs.api.kpi.KpiValue> values = new java.util.ArrayList<>();
      for (int k = 0; k < 20; k++) {
        if (!Double.isNaN(columns[k][r])) {
          values.add(dev.chs.api.kpi.KpiValue.Measured.of("k" + k, columns[k][r], 1));
        }
      }
      dev.chs.api.HealthScore expected = scorer.score(
          dev.chs.api.AccountId.of("a" + r), clouds[r] == 0 ? SALES : SERVICE, values);
      assertThat(coverage[r]).as("row %d", r).isEqualTo(expected.coverage());
      if (expected instanceof dev.chs.api.HealthScore.Scored s) {
        assertThat(scores[r]).as("row %d", r).isEqualTo(s.score());
        assertThat(bands[r]).as("row %d", r).isEqualTo(s.band());
        scored++;
      } else {
        assertThat(scores[r]).as("row %d", r).isNaN();
        assertThat(bands[r]).as("row %d", r).isNull();
      }
    }
    assertThat(scored).isBetween(100, 250);

    columns[7][250] = Double.POSITIVE_INFINITY;
    assertThatThrownBy(() -> columnar.score(rows, columns, clouds, scores, coverage, bands))
        .hasMessage("curveInputs[7][250] (k7): must be finite or NaN, was Infinity");
    clouds[40] = 2;
    assertThatThrownBy(() -> columnar.score(rows, columns, clouds, scores, coverage, bands))
        .hasMessage("cloudOfRow[40]: must be in [0, 2), was 2");
  }

  @Test
  @Tag("API-34")
  void rejectsOutputsShorterThanTheRows() {
    double[][] columns = {{50, 50}, {50, 50}};
    int[] clouds = new int[2];
    assertThatThrownBy(() -> scorer.score(
            2, columns, clouds, new double[1], new double[2], new Band[2]))
        .hasMessage("scores: must hold at least 2 rows, held 1");
    assertThatThrownBy(() -> scorer.score(
            2, columns, clouds, new double[2], new double[1], new Band[2]))
        .hasMessage("coverage: must hold at least 2 rows, held 1");
    assertThatThrownBy(() -> scorer.score(
            2, columns, clouds, new double[2], new double[2], new Band[1]))
        .hasMessage("bandOfRow: must hold at least 2 rows, held 1");
    assertThatThrownBy(() -> scorer.score(
            2, columns, new int[1], new double[2], new double[2], new Band[2]))
        .hasMessage("cloudOfRow: must hold at least 2 rows, held 1");
    assertThatThrownBy(() -> scorer.score(
            2, new double[][] {{50, 50}, {50}}, clouds, new double[2], new double[2], new Band[2]))
        .hasMessage("curveInputs[1]: must hold at least 2 rows, held 1");
  }

  @Test
  void scoringRowsAllocatesTheSameScratchWhateverTheirNumber() throws ReflectiveOperationException {
    int rows = 100_000;
    double[][] columns = new double[2][rows];
    int[] clouds = new int[rows];
    for (int r = 0; r < rows; r++) {
      columns[0][r] = r % 7 == 0 ? Double.NaN : r % 100;
      columns[1][r] = (r * 31) % 100;
      clouds[r] = r % 2;
    }
    double[] scores = new double[rows];
    double[] coverage = new double[rows];
    Band[] bands = new Band[rows];
    // chs-core does not read java.management, so the HotSpot counter is reached by reflection.
    Object threads = Class.forName("java.lang.management.ManagementFactory")
        .getMethod("getThreadMXBean").invoke(null);
    Method allocatedBytes = Class.forName("com.sun.management.ThreadMXBean")
        .getMethod("getCurrentThreadAllocatedBytes");
    for (int i = 0; i < 20; i++) {
      scorer.score(rows, columns, clouds, scores, coverage, bands);
    }

    long before = (long) allocatedBytes.invoke(threads);
    scorer.score(rows, columns, clouds, scores, coverage, bands);
    long allRows = (long) allocatedBytes.invoke(threads) - before;
    before = (long) allocatedBytes.invoke(threads);
    scorer.score(rows / 4, columns, clouds, scores, coverage, bands);
    long quarter = (long) allocatedBytes.invoke(threads) - before;

    // The scratch of one block of 512 rows, whatever the number of rows: per row an int of its
    // entry, a reference of its band and 7 doubles (2 inputs, the points, the curves' 4), 64 B,
    // and the arrays' headers.
    assertThat(allRows).isEqualTo(quarter).isBetween(512L * 64, 512L * 64 + 1024);
  }
}
