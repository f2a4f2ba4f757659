package dev.chs.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chs.api.AccountId;
import dev.chs.api.Band;
import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.plugin.KpiRegistry;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.ColumnarScorer;
import dev.chs.core.score.Scorer;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries of {@code docs/bad-input.md} for the Java API of chs-core: models built in code, their
 * policies, the KPI registry and the scorers. Each test carries its entry's id as a tag.
 */
class ApiBadInputTest {
  private static final AccountId ACME = AccountId.of("acme");
  private static final CloudId SALES = CloudId.of("sales");
  private final FakeKpi first = FakeKpi.withId("first");
  private final FakeKpi second = FakeKpi.withId("second");

  @Test
  @Tag("API-13")
  void aModelBuiltInCodeListsEveryBrokenSettingAtOnce() {
    ModelException e = catchThrowableOfType(ModelException.class, () -> HealthModel.builder()
        .window(Duration.ZERO)
        .minimumCoverage(2)
        .kpi(first, 0)
        .build());

    assertThat(e.errors()).containsExactly(
        "window: must be longer than zero, was PT0S",
        "min_coverage: must be in [0, 1], was 2.0",
        "kpis: at least one weight must be above zero, all were 0");
    assertThat(e).hasMessageStartingWith("model: 3 errors\n  window: must be longer than zero");
    assertThat(catchThrowableOfType(ModelException.class,
            () -> HealthModel.builder().kpi(first, 1).cloudWeight("third", SALES, 1).build())
        .errors()).containsExactly("weights_by_cloud: no KPI 'third' in the model; it has [first]");
    assertThat(catchThrowableOfType(ModelException.class, () -> HealthModel.builder().build())
        .errors()).containsExactly("kpis: must hold at least one KPI, was empty");
  }

  @Test
  @Tag("API-14")
  void aPolicyOutsideItsRangeIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new Bands(70, 80, 30))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("watch: must be in [0, healthy (70.0)), was 80.0");
    assertThatThrownBy(() -> new InterventionPolicy(120, 5))
        .hasMessage("threshold: must be in [0, 100], was 120.0");
    assertThatThrownBy(() -> new WatchlistPolicy(10, 0, 50, 0.8, 0))
        .hasMessage("minimum_distress: must be in [1, 3], was 0");
    assertThatThrownBy(() -> new RenewalMapping.Logistic(50, 0))
        .hasMessage("scale: must be a finite number > 0, was 0.0");
    assertThatThrownBy(() -> new RenewalMapping.Isotonic(List.of(
            new RenewalMapping.Point(0, 0.9), new RenewalMapping.Point(50, 0.1))))
        .hasMessage("points[1]: probabilities must not decrease, was 0.1 after 0.9");
  }

  @Test
  @Tag("API-15")
  void aRegistryRefusesTwoKpisWithOneIdOrAMalformedId() {
    assertThatThrownBy(() -> KpiRegistry.of(first, FakeKpi.withId("first")))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("KPI id 'first': provided by both " + FakeKpi.class.getName() + " and "
            + FakeKpi.class.getName());
    assertThatThrownBy(() -> KpiRegistry.of(FakeKpi.withId("First KPI")))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("KPI " + FakeKpi.class.getName() + ": id must match ")
        .hasMessageEndingWith(", was 'First KPI'");
  }

  @Test
  @Tag("API-16")
  void anUnknownKpiIdIsRefusedListingTheIdsAvailable() {
    assertThatThrownBy(() -> ModelFixtures.REGISTRY.require("nps"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown KPI 'nps'; available: " + ModelFixtures.AVAILABLE);
    assertThat(ModelFixtures.REGISTRY.find("nps")).isEmpty();
  }

  @Test
  @Tag("API-17")
  void aProviderThatFailsToLoadFailsDiscoveryNamingIt(@TempDir Path jar) throws IOException {
    Path services = Files.createDirectories(jar.resolve("META-INF/services"));
    Files.writeString(services.resolve("dev.chs.api.kpi.Kpi"), "com.example.MissingKpi\n");

    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {jar.toUri().toURL()}, ApiBadInputTest.class.getClassLoader())) {
      assertThatThrownBy(() -> KpiRegistry.discover(loader))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("KPI discovery: a provider failed to load: ")
          .hasMessageContaining("com.example.MissingKpi");
    }
  }

  @Test
  @Tag("API-23")
  void aScorerRefusesValuesOfKpisOutsideTheModelOrGivenTwice() {
    Scorer scorer = Scorer.of(HealthModel.builder().kpi(first, 1).kpi(second, 1).build());
    KpiValue one = KpiValue.Measured.of("first", 0.5, 1);

    KpiValue stranger = KpiValue.Measured.of("nps", 1, 1);
    assertThatThrownBy(() -> scorer.score(ACME, SALES, List.of(stranger)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("values of cloud 'sales': KPI 'nps' is not in the model, whose KPIs are"
            + " [first, second]");
    assertThatThrownBy(() -> scorer.score(ACME, SALES, List.of(one, one)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("values of cloud 'sales': at most one value per KPI expected, 'first'"
            + " appears twice");
    assertThatThrownBy(() -> scorer.score(ACME, SALES, Arrays.asList(one, null)))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("values of cloud 'sales': must not hold null");
  }

  @Test
  @Tag("API-24")
  void aColumnarScorerRefusesColumnsOfTheWrongShape() {
    HealthModel model = HealthModel.builder().kpi(first, 1).kpi(second, 1).build();
    assertThatThrownBy(() -> ColumnarScorer.of(model, List.of(SALES, SALES)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("clouds: each cloud at most once expected, 'sales' appears twice in"
            + " [sales, sales]");

    ColumnarScorer scorer = ColumnarScorer.of(model, List.of(SALES));
    double[][] oneColumn = {new double[2]};
    assertThatThrownBy(() -> scorer.score(2, oneColumn, new int[2], new double[2],
            new double[2], new Band[2]))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("curveInputs: must hold one column per KPI, 2 for [first, second], was 1");
    double[][] twoColumns = {new double[2], new double[2]};
    assertThatThrownBy(() -> scorer.score(2, twoColumns, new int[2], new double[1],
            new double[2], new Band[2]))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores: must hold at least 2 rows, held 1");
  }

  @Test
  @Tag("API-40")
  void aRollUpRefusesOneCloudGivenTwice() {
    Scorer scorer = Scorer.of(HealthModel.builder().kpi(first, 1).build());
    HealthScore unscored = scorer.score(ACME, SALES, List.of());
    CloudHealth sales = new CloudHealth(unscored, 100, OptionalDouble.empty(),
        OptionalDouble.empty());
    Instant asOf = Instant.parse("2026-07-01T00:00:00Z");

    assertThatThrownBy(() -> scorer.rollUp(ACME, asOf, List.of(sales, sales)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("clouds of account 'acme': each cloud at most once expected, 'sales'"
            + " appears twice");
    assertThat(scorer.rollUp(ACME, asOf, List.of(sales)).clouds()).containsExactly(sales);
  }

  @Test
  @Tag("API-40")
  void aRollUpRefusesTheHealthOfAnotherAccount() {
    Scorer scorer = Scorer.of(HealthModel.builder().kpi(first, 1).build());
    CloudHealth other = new CloudHealth(scorer.score(AccountId.of("globex"), SALES, List.of()),
        100, OptionalDouble.empty(), OptionalDouble.empty());

    assertThatThrownBy(() -> scorer.rollUp(ACME, Instant.parse("2026-07-01T00:00:00Z"),
        List.of(other)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("clouds of account 'acme': each must be a score of that account, was one of"
            + " account 'globex' for cloud 'sales'");
  }
}
