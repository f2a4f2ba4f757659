package dev.chs.core.model;

import static dev.chs.core.model.ModelFixtures.CASES_CLOSED_TO_CREATED;
import static dev.chs.core.model.ModelFixtures.COMPLAINTS_RAISED;
import static dev.chs.core.model.ModelFixtures.OPEN_SUPPORT_CASES;
import static dev.chs.core.model.ModelFixtures.REGISTRY;
import static dev.chs.core.model.ModelFixtures.SENTIMENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.CloudId;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileRoundTripTest {
  /** A model that sets everything away from its default, with a curve of every kind. */
  private static final HealthModel EVERYTHING = HealthModel.builder()
      .window(Duration.ofHours(36))
      .minimumCoverage(0.6)
      .kpi(OPEN_SUPPORT_CASES, 0.15, new Curve.Linear(10, 0))
      .cloudWeight("open_support_cases", CloudId.of("service"), 0.25)
      .cloudWeight("open_support_cases", CloudId.of("north america"), 0)
      .kpi(CASES_CLOSED_TO_CREATED, 0.1, Curve.Piecewise.of(
          new Curve.Point(0.4, 0), new Curve.Point(0.8, 50), new Curve.Point(1, 100)))
      .kpi(COMPLAINTS_RAISED, 0.15, Curve.Steps.of(
          100, new Curve.Step(1, 40), new Curve.Step(2, 20), new Curve.Step(3, 0)))
      .kpi(SENTIMENT, 1.0 / 3)
      .bands(new Bands(80, 60.5, 40))
      .rollup(CloudRollup.EQUAL)
      .interventions(new InterventionPolicy(45, 7.5))
      .watchlist(new WatchlistPolicy(12, 3, 40, 0.9, -0.2))
      .renewal(new RenewalMapping.Logistic(55, 9.5))
      .build();

  @Test
  void writesEverySettingAsDocumentedYaml() {
    assertThat(ModelFile.write(EVERYTHING, ModelFile.Format.YAML)).isEqualTo(String.join("\n",
        "version: 1",
        "window: PT36H",
        "min_coverage: 0.6",
        "rollup: equal",
        "bands: {healthy: 80, watch: 60.5, at_risk: 40}",
        "interventions: {threshold: 45, hysteresis: 7.5}",
        "watchlist:",
        "  minimum_fall: 12",
        "  minimum_distress: 3",
        "  open_cases_score_below: 40",
        "  closed_to_created_below: 0.9",
        "  sentiment_below: -0.2",
        "renewal: {type: logistic, midpoint: 55, scale: 9.5}",
        "kpis:",
        "  - id: open_support_cases",
        "    weight: 0.15",
        "    weights_by_cloud: {\"north america\": 0, service: 0.25}",
        "    curve: {type: linear, worst: 10, best: 0}",
        "  - id: cases_closed_to_created",
        "    weight: 0.1",
        "    curve: {type: piecewise, points: [[0.4, 0], [0.8, 50], [1, 100]]}",
        "  - id: complaints_raised",
        "    weight: 0.15",
        "    curve:",
        "      type: steps",
        "      below: 100",
        "      steps: [{from: 1, score: 40}, {from: 2, score: 20}, {from: 3, score: 0}]",
        "  - id: sentiment",
        "    weight: 0.3333333333333333",
        "    curve: {type: linear, worst: -1, best: 1}",
        ""));
  }

  @Test
  void readsBackTheYamlItWrites() {
    String yaml = ModelFile.write(EVERYTHING, ModelFile.Format.YAML);

    assertThat(ModelFixtures.yaml(yaml)).isEqualTo(EVERYTHING);
  }

  @Test
  void readsBackTheJsonItWrites() {
    String json = ModelFile.write(EVERYTHING, ModelFile.Format.JSON);

    assertThat(json).startsWith("{\n  \"version\": 1,\n  \"window\": \"PT36H\",\n");
    assertThat(ModelFixtures.json(json)).isEqualTo(EVERYTHING);
  }

  @Test
  void writesWholeDaysAsDays() {
    HealthModel model = HealthModel.builder().kpi(SENTIMENT, 1).window(Duration.ofDays(30)).build();

    assertThat(ModelFile.write(model, ModelFile.Format.YAML)).contains("\nwindow: P30D\n");
  }

  @Test
  void givesTheSameModelAsTheBuilder() {
    String text = String.join("\n",
        "version: 1",
        "window: PT36H",
        "min_coverage: 0.6",
        "rollup: equal",
        "bands: {healthy: 80, watch: 60.5, at_risk: 40}",
        "interventions: {threshold: 45, hysteresis: 7.5}",
        "watchlist:",
        "  minimum_fall: 12",
        "  minimum_distress: 3",
        "  open_cases_score_below: 40",
        "  closed_to_created_below: 0.9",
        "  sentiment_below: -0.2",
        "renewal: {midpoint: 55, scale: 9.5}",
        "kpis:",
        "  - id: open_support_cases",
        "    weight: 0.15",
        "    weights_by_cloud: {service: 0.25, north america: 0}",
        "    curve: {type: linear, worst: 10, best: 0}",
        "  - id: cases_closed_to_created",
        "    weight: 0.10",
        "    curve: {type: piecewise, points: [[0.4, 0], [0.8, 50], [1.0, 100]]}",
        "  - id: complaints_raised",
        "    weight: 0.15",
        "    curve:",
        "      type: steps",
        "      below: 100",
        "      steps:",
        "        - {from: 1, score: 40}",
        "        - {from: 2, score: 20}",
        "        - {from: 3, score: 0}",
        "  - id: sentiment",
        "    weight: 0.3333333333333333",
        "");

    assertThat(ModelFixtures.yaml(text)).isEqualTo(EVERYTHING);
  }

  @Test
  void takesDefaultsForSectionsAndKeysLeftOut() {
    HealthModel model = ModelFixtures.yaml(
        "version: 1\nbands: {watch: 55}\nkpis:\n  - {id: sentiment, weight: 1}\n");

    assertThat(model).isEqualTo(HealthModel.builder()
        .kpi(SENTIMENT, 1)
        .bands(new Bands(70, 55, 30))
        .build());
    assertThat(model.kpis().get(0).curve()).isEqualTo(SENTIMENT.defaultCurve());
    assertThat(model.window()).isEqualTo(Duration.ofDays(90));
  }

  @Test
  void readsTheFormatFromTheExtension(@TempDir Path dir) throws IOException {
    for (String name : List.of("model.yaml", "model.YML", "model.json")) {
      ModelFile.Format format = ModelFile.Format.of(Path.of(name));
      Path file = Files.writeString(dir.resolve(name), ModelFile.write(EVERYTHING, format));

      assertThat(ModelFile.read(file, REGISTRY)).isEqualTo(EVERYTHING);
    }
  }

  @Test
  void readsFromAReader() throws IOException {
    String yaml = "\uFEFF" + ModelFile.write(EVERYTHING, ModelFile.Format.YAML);

    assertThat(ModelFile.read(new StringReader(yaml), ModelFile.Format.YAML, "reader", REGISTRY))
        .isEqualTo(EVERYTHING);
  }

  /** A fitted snapshot model's shape: metric KPIs beside a registered one, isotonic renewal. */
  private static final HealthModel METRICS = HealthModel.builder()
      .kpi(new MetricKpi("total_day_minutes", Direction.LOWER_IS_BETTER,
          new Curve.Linear(300, 100)), 0.12, new Curve.Linear(300, 100))
      .kpi(new MetricKpi("tenure_months", Direction.HIGHER_IS_BETTER,
          Curve.Steps.of(0, new Curve.Step(6, 40.5), new Curve.Step(24, 100))), 0.5,
          Curve.Steps.of(0, new Curve.Step(6, 40.5), new Curve.Step(24, 100)))
      .kpi(new MetricKpi("seats_change", Direction.STABLE_IS_BETTER, new Curve.Linear(-1, 0)),
          0.08, new Curve.Linear(-1, 0))
      .kpi(SENTIMENT, 0.3)
      .renewal(RenewalMapping.Isotonic.of(new RenewalMapping.Point(0, 0.05),
          new RenewalMapping.Point(42.5, 0.5), new RenewalMapping.Point(100, 0.975)))
      .build();

  @Test
  void writesMetricKpisAndIsotonicRenewalAsDocumented() {
    assertThat(ModelFile.write(METRICS, ModelFile.Format.YAML)).contains(String.join("\n",
        "renewal: {type: isotonic, points: [[0, 0.05], [42.5, 0.5], [100, 0.975]]}",
        "kpis:",
        "  - id: total_day_minutes",
        "    metric: true",
        "    direction: lower_is_better",
        "    weight: 0.12",
        "    curve: {type: linear, worst: 300, best: 100}",
        "  - id: tenure_months",
        "    metric: true",
        "    direction: higher_is_better",
        "    weight: 0.5",
        "    curve: {type: steps, below: 0, steps: [{from: 6, score: 40.5}, {from: 24,"
            + " score: 100}]}",
        "  - id: seats_change",
        "    metric: true",
        "    direction: stable_is_better",
        "    weight: 0.08",
        "    curve: {type: linear, worst: -1, best: 0}",
        "  - id: sentiment",
        "    weight: 0.3",
        "    curve: {type: linear, worst: -1, best: 1}",
        ""));
  }

  @Test
  void readsBackMetricKpisAndIsotonicRenewalFromYaml() {
    String yaml = ModelFile.write(METRICS, ModelFile.Format.YAML);

    assertThat(ModelFixtures.yaml(yaml)).isEqualTo(METRICS);
  }

  @Test
  void readsBackMetricKpisAndIsotonicRenewalFromJson() {
    String json = ModelFile.write(METRICS, ModelFile.Format.JSON);

    assertThat(json).contains("\"renewal\": {\n    \"type\": \"isotonic\",")
        .contains("\"id\": \"total_day_minutes\",\n    \"metric\": true,\n"
            + "    \"direction\": \"lower_is_better\",");
    assertThat(ModelFixtures.json(json)).isEqualTo(METRICS);
  }

  @Test
  void keepsIsotonicPointsToTheBit() {
    HealthModel model = METRICS.toBuilder().renewal(RenewalMapping.Isotonic.of(
        new RenewalMapping.Point(0.1 + 0.2, 0.1 / 3), new RenewalMapping.Point(99.99999, 0.999)))
        .build();

    for (ModelFile.Format format : ModelFile.Format.values()) {
      HealthModel read = ModelFile.read(ModelFile.write(model, format), format, "bits", REGISTRY);
      assertThat(read.renewal()).isEqualTo(model.renewal());
    }
  }
}
