package dev.chs.core.model;

import static dev.chs.core.model.ModelFixtures.AVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileErrorsTest {
  private static final String KPI = "kpis:\n  - {id: sentiment, weight: 1}\n";

  private static List<String> yamlErrors(String text) {
    return catchThrowableOfType(ModelException.class, () -> ModelFixtures.yaml(text)).errors();
  }

  private static List<String> jsonErrors(String text) {
    return catchThrowableOfType(ModelException.class, () -> ModelFixtures.json(text)).errors();
  }

  @Test
  @Tag("MODEL-24")
  void reportsEveryErrorWithItsPath() {
    String text = String.join("\n",
        "version: 1",
        "window: ninety",
        "min_coverage: 1.5",
        "bands: {healthy: 70, watch: 80}",
        "speed: fast",
        "kpis:",
        "  - id: foo",
        "    weight: 0.5",
        "  - id: sentiment",
        "    weight: -1",
        "  - id: product_adoption",
        "    weight: abc",
        "    curve: {type: cubic}",
        "  - id: open_support_cases",
        "    weight: 1",
        "    speed: 3",
        "");

    ModelException e = catchThrowableOfType(ModelException.class, () -> ModelFixtures.yaml(text));

    assertThat(e.errors()).containsExactly(
        "speed: unknown property; expected one of version, window, min_coverage, rollup, bands,"
            + " interventions, watchlist, renewal, kpis",
        "window: must be a positive ISO-8601 duration such as P90D, was 'ninety'",
        "bands.watch: must be in [0, healthy (70.0)), was 80.0",
        "kpis[0].id: unknown KPI 'foo'; available: " + AVAILABLE,
        "kpis[1].weight: must be >= 0, was -1",
        "kpis[2].weight: must be a number, was \"abc\"",
        "kpis[2].curve.type: must be one of linear, piecewise, steps, was 'cubic'",
        "kpis[3].speed: unknown property; expected one of id, metric, direction, weight,"
            + " weights_by_cloud, curve",
        "min_coverage: must be in [0, 1], was 1.5");
    assertThat(e).hasMessageStartingWith("test.yaml: 9 errors\n  speed: unknown property");
  }

  @Test
  @Tag("MODEL-04")
  void reportsAYamlSyntaxErrorAsOneErrorWithLineAndColumn() {
    assertThat(yamlErrors("version: 1\n  window: P30D\n" + KPI))
        .containsExactly("line 2, column 9: mapping values are not allowed here");
    assertThat(yamlErrors("version: 1\nbands: {healthy: 70\n")).containsExactly(
        "line 2, column 20: while parsing a flow mapping, expected ',' or '}', but got <stream"
            + " end>");
  }

  @Test
  @Tag("MODEL-04")
  void reportsAJsonSyntaxErrorAsOneErrorWithLineAndColumn() {
    assertThat(jsonErrors("{\"version\": 1,\n \"kpis\": [}\n")).containsExactly(
        "line 2, column 11: Unexpected close marker '}': expected ']' (for Array starting at"
            + " line 2, column 10)");
  }

  @Test
  @Tag("MODEL-04")
  void reportsJsonCommentsAsSyntaxErrors() {
    assertThat(jsonErrors("{\"version\": 1} // v1\n")).containsExactly(
        "line 1, column 16: Unexpected character ('/' (code 47)): maybe a (non-standard)"
            + " comment?");
  }

  @Test
  @Tag("MODEL-10")
  void reportsUnknownPropertiesAtTheTopLevel() {
    assertThat(yamlErrors("version: 1\nwindows: P30D\n" + KPI)).containsExactly(
        "windows: unknown property; expected one of version, window, min_coverage, rollup,"
            + " bands, interventions, watchlist, renewal, kpis");
  }

  @Test
  @Tag("MODEL-10")
  void reportsUnknownPropertiesInEverySection() {
    String text = String.join("\n",
        "version: 1",
        "bands: {healthy: 70, warn: 50}",
        "interventions: {threshold: 50, delay: 2}",
        "watchlist: {fall: 10}",
        "renewal: {type: logistic, slope: 1}",
        "kpis:",
        "  - id: complaints_raised",
        "    weight: 1",
        "    curve: {type: steps, below: 100, steps: [{from: 1, score: 0, to: 2}], top: 0}",
        "  - id: sentiment",
        "    weight: 1",
        "    curve: {type: linear, worst: -1, best: 1, mid: 0}",
        "  - id: open_support_cases",
        "    weight: 1",
        "    curve: {type: piecewise, points: [[0, 100], [20, 0]], smooth: true}",
        "");

    assertThat(yamlErrors(text)).containsExactly(
        "bands.warn: unknown property; expected one of healthy, watch, at_risk",
        "interventions.delay: unknown property; expected one of threshold, hysteresis",
        "watchlist.fall: unknown property; expected one of minimum_fall, minimum_distress,"
            + " open_cases_score_below, closed_to_created_below, sentiment_below",
        "renewal.slope: unknown property; expected one of type, midpoint, scale",
        "kpis[0].curve.top: unknown property; expected one of type, below, steps",
        "kpis[0].curve.steps[0].to: unknown property; expected one of from, score",
        "kpis[1].curve.mid: unknown property; expected one of type, worst, best",
        "kpis[2].curve.smooth: unknown property; expected one of type, points");
  }

  @Test
  @Tag("MODEL-12")
  void reportsValuesOfTheWrongType() {
    String text = String.join("\n",
        "version: 1",
        "window: 90",
        "min_coverage: '0.5'",
        "rollup: [arr]",
        "bands: 70",
        "watchlist: {minimum_distress: 2.5}",
        "kpis:",
        "  - id: 7",
        "    weight: null",
        "  - id: sentiment",
        "    weight: 1",
        "    weights_by_cloud: [service]",
        "    curve: linear",
        "");

    assertThat(yamlErrors(text)).containsExactly(
        "window: must be a string, was 90",
        "min_coverage: must be a number, was \"0.5\"",
        "rollup: must be a string, was [\"arr\"]",
        "bands: must be an object, was 70",
        "watchlist.minimum_distress: must be a whole number, was 2.5",
        "kpis[0].id: must be a string, was 7",
        "kpis[0].weight: must be a number, was null",
        "kpis[1].weights_by_cloud: must be an object of cloud names and weights, was"
            + " [\"service\"]",
        "kpis[1].curve: must be an object with a type, was \"linear\"");
  }

  @Test
  @Tag("MODEL-06")
  void reportsATopLevelThatIsNotAnObject() {
    assertThat(yamlErrors("- version: 1\n")).containsExactly(
        "model: must be an object holding at least version and kpis, was [{\"version\":1}]");
    assertThat(yamlErrors("# nothing but a comment\n")).containsExactly(
        "model: must hold an object with at least version and kpis, was empty");
  }

  @Test
  @Tag("MODEL-05")
  void reportsADuplicateKey() {
    assertThat(yamlErrors("version: 1\nversion: 1\n" + KPI))
        .containsExactly("line 2, column 8: duplicate key 'version'");
    assertThat(yamlErrors("version: 1\nbands: {healthy: 70, healthy: 80}\n" + KPI))
        .containsExactly("line 2, column 29: duplicate key 'healthy'");
    assertThat(jsonErrors("{\"version\": 1, \"version\": 1}"))
        .containsExactly("line 1, column 25: duplicate key 'version'");
  }

  @Test
  @Tag("MODEL-07")
  void reportsMoreThanOneDocument() {
    assertThat(yamlErrors("version: 1\n" + KPI + "---\nversion: 1\n")).containsExactly(
        "line 5, column 1: unexpected content after the model; a file holds one model (one YAML"
            + " document)");
  }

  @Test
  @Tag("MODEL-11")
  void reportsAMissingVersionAndGoesOn() {
    assertThat(yamlErrors("min_coverage: 2\n" + KPI)).containsExactly(
        "version: missing; expected 1, the version of this format",
        "min_coverage: must be in [0, 1], was 2.0");
  }

  @Test
  @Tag("MODEL-11")
  void reportsAnotherVersionAlone() {
    assertThat(yamlErrors("version: 2\nwindow: soon\nkpis: []\n")).containsExactly(
        "version: must be 1, the only version this release reads, was 2; the rest of the file"
            + " is not checked");
    assertThat(yamlErrors("version: '1'\n" + KPI))
        .containsExactly("version: must be the number 1, was \"1\"");
    assertThat(yamlErrors("version: 1.5\nrollup: x\n" + KPI)).containsExactly(
        "version: must be 1, the only version this release reads, was 1.5; the rest of the file"
            + " is not checked");
    assertThat(ModelFixtures.yaml("version: 1.0\n" + KPI).kpis()).hasSize(1);
  }

  @Test
  @Tag("MODEL-17")
  void reportsAnUnknownKpiAndListsTheKpisAvailable() {
    assertThat(yamlErrors("version: 1\nkpis:\n  - {id: nps, weight: 1}\n"))
        .containsExactly("kpis[0].id: unknown KPI 'nps'; available: " + AVAILABLE);
  }

  @Test
  @Tag("MODEL-14")
  void reportsAMissingIdOrWeight() {
    assertThat(yamlErrors("version: 1\nkpis:\n  - {weight: 1}\n  - {id: sentiment}\n"))
        .containsExactly(
            "kpis[0].id: missing; expected the id of a KPI; available: " + AVAILABLE,
            "kpis[1].weight: missing; expected a number >= 0");
  }

  @Test
  @Tag("MODEL-13")
  void reportsANegativeOrInfiniteWeight() {
    String text = "version: 1\nkpis:\n  - {id: sentiment, weight: -0.5}\n"
        + "  - {id: nps, weight: 1e400}\n";

    assertThat(yamlErrors(text)).containsExactly(
        "kpis[0].weight: must be >= 0, was -0.5",
        "kpis[1].id: unknown KPI 'nps'; available: " + AVAILABLE,
        "kpis[1].weight: must be a finite number, was Infinity");
  }

  @Test
  @Tag("MODEL-04")
  void reportsANanWeightWhereItsSyntaxIsRejected() {
    assertThat(yamlErrors("version: 1\nkpis:\n  - {id: sentiment, weight: .nan}\n"))
        .containsExactly("line 3, column 33: Malformed numeric value '.nan'");
    assertThat(jsonErrors("{\"version\": 1, \"kpis\": [{\"id\": \"sentiment\", \"weight\": NaN}]}"))
        .containsExactly("line 1, column 58: Non-standard token 'NaN'");
  }

  @Test
  @Tag("MODEL-15")
  void reportsAWindowThatIsNotAPositiveDuration() {
    for (String window : List.of("ninety", "P0D", "-P1D", "P3M", "90d")) {
      assertThat(yamlErrors("version: 1\nwindow: " + window + "\n" + KPI)).containsExactly(
          "window: must be a positive ISO-8601 duration such as P90D, was '" + window + "'");
    }
  }

  @Test
  @Tag("MODEL-16")
  void reportsACurveOfUnknownOrMissingType() {
    String text = String.join("\n",
        "version: 1",
        "kpis:",
        "  - {id: sentiment, weight: 1, curve: {type: cubic, a: 1}}",
        "  - {id: product_adoption, weight: 1, curve: {worst: 0, best: 1}}",
        "");

    assertThat(yamlErrors(text)).containsExactly(
        "kpis[0].curve.type: must be one of linear, piecewise, steps, was 'cubic'",
        "kpis[1].curve.type: missing; expected one of linear, piecewise, steps");
  }

  @Test
  @Tag("MODEL-22")
  void reportsABadLinearCurve() {
    String text = "version: 1\nkpis:\n  - {id: sentiment, weight: 1, curve: {type: linear,"
        + " worst: 1, best: 1}}\n  - {id: product_adoption, weight: 1, curve: {type: linear}}\n";

    assertThat(yamlErrors(text)).containsExactly(
        "kpis[0].curve.best: must differ from worst (1.0), was 1.0",
        "kpis[1].curve.worst: missing; expected a number",
        "kpis[1].curve.best: missing; expected a number");
  }

  @Test
  @Tag("MODEL-22")
  void reportsCurveEndsSoFarApartThatTheirDistanceOverflows() {
    String text = "version: 1\nkpis:\n"
        + entry("sentiment", "{type: linear, worst: -1e308, best: 1e308}")
        + entry("product_adoption", "{type: piecewise, points: [[0, 0], [1e308, 50], [-1e308, 9]]}")
        + entry("open_support_cases", "{type: piecewise, points: [[-1e308, 0], [1e308, 100]]}");

    assertThat(yamlErrors(text)).containsExactly(
        "kpis[0].curve.best: must lie a finite distance from worst (-1.0E308), was 1.0E308",
        "kpis[1].curve.points[2].x: must be greater than points[1].x (1.0E308), was -1.0E308",
        "kpis[2].curve.points[1].x: must lie a finite distance from points[0].x (-1.0E308), was"
            + " 1.0E308");
  }

  /** Returns a KPI entry of weight 1 with this curve. */
  private static String entry(String id, String curve) {
    return "  - id: " + id + "\n    weight: 1\n    curve: " + curve + "\n";
  }

  @Test
  @Tag("MODEL-22")
  void reportsBadPiecewisePoints() {
    String text = "version: 1\nkpis:\n"
        + entry("sentiment", "{type: piecewise, points: [[0, 0], [0, 50]]}")
        + entry("product_adoption", "{type: piecewise, points: [[0, 0], [1, 150]]}")
        + entry("open_support_cases", "{type: piecewise, points: [[0, 0]]}")
        + entry("first_time_fix_rate", "{type: piecewise, points: [[0], 1]}")
        + entry("work_order_volume", "{type: piecewise, points: {x: 0}}")
        + entry("complaints_raised", "{type: piecewise, points: [[a, 0], [1, 1]]}");

    assertThat(yamlErrors(text)).containsExactly(
        "kpis[0].curve.points[1].x: must be greater than points[0].x (0.0), was 0.0",
        "kpis[1].curve.points[1].score: must be in [0.0, 100.0], was 150.0",
        "kpis[2].curve.points: must hold at least 2 breakpoints, was 1",
        "kpis[3].curve.points[0]: must be a pair [x, score], was [0]",
        "kpis[3].curve.points[1]: must be a pair [x, score], was 1",
        "kpis[4].curve.points: must be a list of [x, score] pairs, was {\"x\":0}",
        "kpis[5].curve.points[0][0]: must be a number, was \"a\"");
  }

  @Test
  @Tag("MODEL-22")
  void reportsBadSteps() {
    String text = "version: 1\nkpis:\n"
        + entry("sentiment", "{type: steps, below: 100, steps: []}")
        + entry("product_adoption",
            "{type: steps, below: 100, steps: [{from: 2, score: 50}, {from: 1, score: 0}]}")
        + entry("open_support_cases",
            "{type: steps, below: 120, steps: [{from: 1, score: -5}, {score: 0}]}")
        + entry("first_time_fix_rate", "{type: steps, steps: [{from: 1, score: 0}]}");

    assertThat(yamlErrors(text)).containsExactly(
        "kpis[0].curve.steps: must hold at least 1 step, was 0",
        "kpis[1].curve.steps[1].from: must be greater than steps[0].from (2.0), was 1.0",
        "kpis[2].curve.steps[0].score: must be in [0.0, 100.0], was -5.0",
        "kpis[2].curve.steps[1].from: missing; expected a number",
        "kpis[3].curve.below: missing; expected a number");
  }

  @Test
  @Tag("MODEL-23")
  void reportsBandsOutOfOrder() {
    assertThat(yamlErrors("version: 1\nbands: {healthy: 60, watch: 50, at_risk: 55}\n" + KPI))
        .containsExactly("bands.at_risk: must be in [0, watch (50.0)), was 55.0");
  }

  @Test
  @Tag("MODEL-23")
  void marksADefaultThatBreaksARuleOfAPartialSection() {
    assertThat(yamlErrors("version: 1\nbands: {healthy: 40}\n" + KPI)).containsExactly(
        "bands.watch: must be in [0, healthy (40.0)), was 50.0 (not given, so the default"
            + " applies)");
  }

  @Test
  @Tag("MODEL-23")
  void reportsBadPolicies() {
    String text = String.join("\n",
        "version: 1",
        "interventions: {threshold: 101}",
        "watchlist: {minimum_distress: 4}",
        "renewal: {type: platt, scale: 0}",
        KPI);

    assertThat(yamlErrors(text)).containsExactly(
        "interventions.threshold: must be in [0, 100], was 101.0",
        "watchlist.minimum_distress: must be in [1, 3], was 4",
        "renewal.type: must be one of logistic, isotonic, was 'platt'");
    assertThat(yamlErrors("version: 1\nrenewal: {scale: 0}\n" + KPI))
        .containsExactly("renewal.scale: must be a finite number > 0, was 0.0");
  }

  @Test
  @Tag("MODEL-23")
  void reportsAMinimumCoverageOutOfRange() {
    assertThat(yamlErrors("version: 1\nmin_coverage: -0.1\n" + KPI))
        .containsExactly("min_coverage: must be in [0, 1], was -0.1");
  }

  @Test
  @Tag("MODEL-16")
  void reportsAnUnknownRollup() {
    assertThat(yamlErrors("version: 1\nrollup: ARR\n" + KPI))
        .containsExactly("rollup: must be one of arr, equal, was 'ARR'");
  }

  @Test
  @Tag("MODEL-14")
  void reportsMissingOrEmptyKpis() {
    assertThat(yamlErrors("version: 1\n")).containsExactly(
        "kpis: missing; expected a list of KPIs, each with an id and a weight");
    assertThat(yamlErrors("version: 1\nkpis: []\n"))
        .containsExactly("kpis: must hold at least one KPI, was empty");
    assertThat(yamlErrors("version: 1\nkpis: {sentiment: 1}\n"))
        .containsExactly("kpis: must be a list, was {\"sentiment\":1}");
    assertThat(yamlErrors("version: 1\nkpis: [sentiment]\n")).containsExactly(
        "kpis[0]: must be an object with an id and a weight, was \"sentiment\"");
  }

  @Test
  @Tag("MODEL-18")
  void reportsADuplicateKpiIdEvenNextToABrokenEntry() {
    String text = "version: 1\nkpis:\n  - {id: sentiment, weight: 1}\n  - {id: nps, weight: 1}\n"
        + "  - {id: sentiment, weight: 2}\n";

    assertThat(yamlErrors(text)).containsExactly(
        "kpis[1].id: unknown KPI 'nps'; available: " + AVAILABLE,
        "kpis[2].id: must be unique, 'sentiment' appears before at kpis[0]");
  }

  @Test
  @Tag("MODEL-21")
  void reportsWeightsThatAreAllZero() {
    String text = "version: 1\nkpis:\n  - {id: sentiment, weight: 0}\n"
        + "  - {id: product_adoption, weight: 0, weights_by_cloud: {sales: 0}}\n";

    assertThat(yamlErrors(text))
        .containsExactly("kpis: at least one weight must be above zero, all were 0");
  }

  @Test
  @Tag("MODEL-20")
  void reportsBadCloudWeights() {
    String text = String.join("\n",
        "version: 1",
        "kpis:",
        "  - id: sentiment",
        "    weight: 1",
        "    weights_by_cloud: {service: -0.25, sales: high, '*': 1, ' ': 1}",
        "");

    assertThat(yamlErrors(text)).containsExactly(
        "kpis[0].weights_by_cloud.service: must be >= 0, was -0.25",
        "kpis[0].weights_by_cloud.sales: must be a number, was \"high\"",
        "kpis[0].weights_by_cloud: cloud names must not be blank or '*', was '*'",
        "kpis[0].weights_by_cloud: cloud names must not be blank or '*', was ' '");
  }

  @Test
  @Tag("MODEL-02")
  void rejectsAFileWithAnotherExtension(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("model.txt"), "version: 1\n" + KPI);

    assertThatThrownBy(() -> ModelFile.read(file, ModelFixtures.REGISTRY))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("file: must end in .yaml, .yml or .json to tell its format, was '" + file
            + "'");
  }

  @Test
  @Tag("MODEL-24")
  void namesTheFileInTheMessage(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("model.yml"), "version: 1\nrollup: x\n" + KPI);

    assertThatThrownBy(() -> ModelFile.read(file, ModelFixtures.REGISTRY))
        .isInstanceOf(ModelException.class)
        .hasMessage(file + ": 1 error\n  rollup: must be one of arr, equal, was 'x'");
  }

  @Test
  @Tag("MODEL-01")
  void reportsAFileThatIsNotUtf8(@TempDir Path dir) throws IOException {
    byte[] latin1 =
        "version: 1\nwindow: P90D # \u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("model.yaml"), latin1);

    assertThat(catchThrowableOfType(
            ModelException.class, () -> ModelFile.read(file, ModelFixtures.REGISTRY)).errors())
        .containsExactly("file: must be UTF-8 text, has a malformed byte sequence at offset 26");
  }

  @Test
  @Tag("MODEL-19")
  void aMetricKpiNeedsADirectionAndACurve() {
    assertThat(yamlErrors("version: 1\nkpis:\n  - {id: total_day_minutes, metric: true,"
        + " weight: 1}\n")).containsExactly(
        "kpis[0].direction: missing; a metric KPI needs one of higher_is_better, lower_is_better,"
            + " stable_is_better",
        "kpis[0].curve: missing; a metric KPI needs a curve, such as {type: linear, worst: 0,"
            + " best: 100}");
  }

  @Test
  @Tag("MODEL-19")
  void onlyAMetricKpiMayGiveADirection() {
    assertThat(yamlErrors("version: 1\nkpis:\n  - {id: sentiment, direction: lower_is_better,"
        + " weight: 1}\n  - {id: product_adoption, metric: false,"
        + " direction: higher_is_better, weight: 1}\n")).containsExactly(
        "kpis[0].direction: only allowed with metric: true; a registered KPI has its own"
            + " direction",
        "kpis[1].direction: only allowed with metric: true; a registered KPI has its own"
            + " direction");
  }

  @Test
  @Tag("MODEL-19")
  void aRegisteredKpiCannotBeAMetric() {
    assertThat(yamlErrors("version: 1\nkpis:\n  - {id: sentiment, metric: true,"
        + " direction: higher_is_better, weight: 1, curve: {type: linear, worst: -1, best: 1}}\n"))
        .containsExactly(
            "kpis[0].id: 'sentiment' is a registered KPI; drop metric: true to use it");
  }

  @Test
  @Tag("MODEL-19")
  void metricFalseNamesARegisteredKpi() {
    assertThat(ModelFixtures.yaml("version: 1\nkpis:\n  - {id: sentiment, metric: false,"
        + " weight: 1}\n")).isEqualTo(ModelFixtures.yaml(
            "version: 1\nkpis:\n  - {id: sentiment, weight: 1}\n"));
    assertThat(yamlErrors("version: 1\nkpis:\n  - {id: total_day_minutes, metric: false,"
        + " weight: 1}\n")).containsExactly(
        "kpis[0].id: unknown KPI 'total_day_minutes'; available: " + AVAILABLE);
  }

  @Test
  @Tag("MODEL-19")
  void reportsEveryMistakeOfAMetricKpi() {
    String text = String.join("\n",
        "version: 1",
        "kpis:",
        "  - {id: sentiment, weight: 1}",
        "  - id: Total Day",
        "    metric: true",
        "    direction: lower_is_better",
        "    weight: 1",
        "    curve: {type: linear, worst: 300, best: 100}",
        "  - id: total_eve_minutes",
        "    metric: \"yes\"",
        "    weight: 1",
        "  - id: total_night_minutes",
        "    metric: true",
        "    direction: down",
        "    weight: -1",
        "    curve: {type: linear, worst: 300, best: 300}",
        "");

    assertThat(yamlErrors(text)).containsExactly(
        "kpis[1].id: must match [a-z][a-z0-9_]* (a metrics.csv column name), was 'Total Day'",
        "kpis[2].metric: must be true or false, was \"yes\"",
        "kpis[2].id: unknown KPI 'total_eve_minutes'; available: " + AVAILABLE,
        "kpis[3].direction: must be one of higher_is_better, lower_is_better, stable_is_better,"
            + " was 'down'",
        "kpis[3].weight: must be >= 0, was -1",
        "kpis[3].curve.best: must differ from worst (300.0), was 300.0");
  }

  @Test
  @Tag("MODEL-23")
  void reportsTheMistakesOfIsotonicPoints() {
    assertThat(yamlErrors("version: 1\nrenewal: {type: isotonic, midpoint: 50,"
        + " points: [[0, 0.1], [120, 1.5], [50], [\"a\", 0.5], [60, -1]]}\n" + KPI))
        .containsExactly(
            "renewal.midpoint: unknown property; expected one of type, points",
            "renewal.points[1].score: must be in [0, 100], was 120.0",
            "renewal.points[2]: must be a pair [score, probability], was [50]",
            "renewal.points[3][0]: must be a number, was \"a\"",
            "renewal.points[4].probability: must be in [0, 1], was -1.0");
  }

  @Test
  @Tag("MODEL-23")
  void isotonicPointsMustRiseInScoreAndNotFallInProbability() {
    assertThat(yamlErrors("version: 1\nrenewal: {type: isotonic,"
        + " points: [[0, 0.1], [50, 0.5], [60, 0.4]]}\n" + KPI))
        .containsExactly("renewal.points[2]: probabilities must not decrease, was 0.4 after 0.5");
    assertThat(yamlErrors("version: 1\nrenewal: {type: isotonic,"
        + " points: [[0, 0.1], [50, 0.5], [50, 0.6]]}\n" + KPI))
        .containsExactly("renewal.points[2]: scores must increase strictly, was 50.0 after 50.0");
    assertThat(yamlErrors("version: 1\nrenewal: {type: isotonic, points: [[50, 0.5]]}\n"
        + KPI)).containsExactly("renewal.points: must hold at least 2 points, was 1");
  }

  @Test
  @Tag("MODEL-14")
  void isotonicPointsAreRequired() {
    assertThat(yamlErrors("version: 1\nrenewal: {type: isotonic}\n" + KPI))
        .containsExactly("renewal.points: missing; expected a list of [score, probability] pairs");
    assertThat(jsonErrors("{\"version\": 1, \"renewal\": {\"type\": \"isotonic\","
        + " \"points\": 3}, \"kpis\": [{\"id\": \"sentiment\", \"weight\": 1}]}"))
        .containsExactly("renewal.points: must be a list of [score, probability] pairs, was 3");
  }
  @Test
  @Tag("MODEL-08")
  void refusesNestingDeeperThanAThousandLevels() {
    String deep = "[".repeat(1_001) + "]".repeat(1_001);
    String depthError = "syntax: Document nesting depth (1001) exceeds the maximum allowed (1000,"
        + " from `StreamReadConstraints.getMaxNestingDepth()`)";
    assertThat(jsonErrors("{\"version\": 1, \"kpis\": " + deep + "}"))
        .containsExactly(depthError);
    assertThat(yamlErrors("version: 1\nkpis: " + deep + "\n")).containsExactly(depthError);
  }

  @Test
  @Tag("MODEL-08")
  void readsAnAliasAsTheTextOfItsNameSoThatNoAliasExpands() {
    assertThat(yamlErrors("version: 1\nx: &a [{id: sentiment, weight: 1}]\nkpis: *a\n"))
        .containsExactly(
            "x: unknown property; expected one of version, window, min_coverage, rollup, bands,"
                + " interventions, watchlist, renewal, kpis",
            "kpis: must be a list, was \"a\"");

    StringBuilder text = new StringBuilder("version: 1\nx0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1]\n");
    for (int i = 1; i <= 9; i++) {
      text.append("x").append(i).append(": &a").append(i).append(" [")
          .append(String.join(", ", Collections.nCopies(9, "*a" + (i - 1))))
          .append("]\n");
    }
    text.append("kpis: *a9\n");

    List<String> errors = yamlErrors(text.toString());

    assertThat(errors).hasSize(11).contains(
        "x9: unknown property; expected one of version, window, min_coverage, rollup, bands,"
            + " interventions, watchlist, renewal, kpis");
    assertThat(errors.get(errors.size() - 1)).isEqualTo("kpis: must be a list, was \"a9\"");
  }

  @Test
  @Tag("MODEL-09")
  void ignoresALeadingByteOrderMarkInTextAndInAFile(@TempDir Path dir) throws IOException {
    assertThat(ModelFixtures.yaml("\uFEFFversion: 1\n" + KPI).kpis()).hasSize(1);
    Path file = Files.write(dir.resolve("model.json"),
        ("\uFEFF{\"version\": 1, \"kpis\": [{\"id\": \"sentiment\", \"weight\": 1}]}")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(ModelFile.read(file, ModelFixtures.REGISTRY).kpis()).hasSize(1);
  }

  @Test
  @Tag("MODEL-16")
  void reportsAnUnknownRenewalTypeOrDirection() {
    assertThat(yamlErrors("version: 1\nrenewal: {type: probit}\n" + KPI))
        .containsExactly("renewal.type: must be one of logistic, isotonic, was 'probit'");
    assertThat(yamlErrors("version: 1\nkpis:\n  - {id: nps, metric: true, direction: up,"
            + " weight: 1, curve: {type: linear, worst: 0, best: 10}}\n"))
        .containsExactly("kpis[0].direction: must be one of higher_is_better, lower_is_better,"
            + " stable_is_better, was 'up'");
  }

  @Test
  @Tag("MODEL-03")
  void reportsAFileThatCannotBeReadAsAnIoExceptionNamingIt(@TempDir Path dir) {
    Path file = dir.resolve("missing.yaml");

    assertThatThrownBy(() -> ModelFile.read(file, ModelFixtures.REGISTRY))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(file.toString());
  }
}
