package dev.chs.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.CloudId;
import dev.chs.api.kpi.Curve;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class ModelFilePropertiesTest {
  /** Pieces of cloud names, chosen to trouble a YAML writer: quotes, breaks, marks, emoji. */
  private static final List<String> NAME_PIECES = List.of(
      "sales", "service", " ", "-", ":", "#", "'", "\"", "\\", "{", "[", ",", "&", "*", "!", "%",
      "\t", "\n", "\r", "\u0085", "\u2028", "\uFEFF", "\u0000", "\u00e9", "\u4e2d", "\uD83D\uDE00",
      "yes", "null", "1", "0x1F", ".inf", "~");

  @Property(tries = 300)
  void writingThenReadingGivesAnEqualModel(
      @ForAll("models") HealthModel model, @ForAll ModelFile.Format format) {
    String text = ModelFile.write(model, format);

    HealthModel read = ModelFile.read(text, format, "written", ModelFixtures.REGISTRY);

    assertThat(read).isEqualTo(model);
  }

  @Property(tries = 500)
  void garbageYieldsAModelExceptionAndNothingElse(
      @ForAll("garbage") String text, @ForAll ModelFile.Format format) throws Exception {
    assertThat(Deadline.within(20, () -> readsToAModelOrAModelException(text, format))).isTrue();
  }

  @Property(tries = 500)
  void aMutatedFileYieldsAModelOrAModelExceptionAndNothingElse(
      @ForAll("mutatedFiles") Tuple.Tuple2<ModelFile.Format, String> file) throws Exception {
    assertThat(Deadline.within(20, () -> readsToAModelOrAModelException(file.get2(), file.get1())))
        .isTrue();
  }

  private static boolean readsToAModelOrAModelException(String text, ModelFile.Format format) {
    try {
      ModelFile.read(text, format, "fuzz", ModelFixtures.REGISTRY);
    } catch (ModelException e) {
      assertThat(e.errors()).isNotEmpty().allSatisfy(error -> assertThat(error).isNotBlank());
    }
    return true;
  }

  @Provide
  Arbitrary<String> garbage() {
    Arbitrary<String> syntax = Arbitraries.of(
        "{", "}", "[", "]", ":", ",", "-", " ", "\n", "\t", "#", "'", "\"", "&a", "*a", "!!int",
        "---", "...", "? ", "|", ">", "version", "kpis", "id", "weight", "1", "-1", "0.5", "1e400",
        "null", "true", ".nan", "\\u0000", "\uFEFF", "%YAML 1.2");
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        syntax.list().ofMaxSize(60).map(pieces -> String.join("", pieces)));
  }

  @Provide
  Arbitrary<Tuple.Tuple2<ModelFile.Format, String>> mutatedFiles() {
    Arbitrary<String> insert = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(4),
        Arbitraries.of("{", "}", "[", "]", ": ", ",", "- ", "\n", "  ", "\"", "'", "#", "-1",
            "null", "1e400", "weight: 2\n", "kpis: []\n", "x: 1\n"));
    Arbitrary<Mutation> mutation = Combinators.combine(
            Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 12), insert)
        .as(Mutation::new);
    return Combinators.combine(
            models(), Arbitraries.of(ModelFile.Format.class), mutation.list().ofMinSize(1)
                .ofMaxSize(4))
        .as((model, format, mutations) -> {
          String text = ModelFile.write(model, format);
          for (Mutation m : mutations) {
            text = m.applyTo(text);
          }
          return Tuple.of(format, text);
        });
  }

  /** Replaces {@code length} characters at a relative position with {@code insert}. */
  private static final class Mutation {
    private final double position;
    private final int length;
    private final String insert;

    Mutation(double position, int length, String insert) {
      this.position = position;
      this.length = length;
      this.insert = insert;
    }

    String applyTo(String text) {
      int start = (int) (position * text.length());
      int end = Math.min(text.length(), start + length);
      return text.substring(0, start) + insert + text.substring(end);
    }
  }

  @Provide
  Arbitrary<HealthModel> models() {
    Arbitrary<HealthModel.Builder> settings = Combinators.combine(
            windows(), Arbitraries.doubles().between(0, 1).ofScale(12), bands(),
            Arbitraries.of(CloudRollup.class), interventions(), watchlists(), renewals())
        .as((window, coverage, bands, rollup, interventions, watchlist, renewal) ->
            HealthModel.builder()
                .window(window)
                .minimumCoverage(coverage)
                .bands(bands)
                .rollup(rollup)
                .interventions(interventions)
                .watchlist(watchlist)
                .renewal(renewal));
    Arbitrary<List<KpiSetting>> kpis = Combinators.combine(
            Arbitraries.shuffle(ModelFixtures.ALL), Arbitraries.integers().between(1, 7),
            kpiSetting().list().ofSize(7))
        .as((order, count, drawn) -> {
          List<KpiSetting> chosen = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            chosen.add(drawn.get(i).of(order.get(i)));
          }
          return chosen;
        });
    return Combinators.combine(settings, kpis).as((builder, chosen) -> {
      // One weight above zero, so that every drawn model is valid.
      builder.kpi(chosen.get(0).kpi, 1 + chosen.get(0).weight);
      for (int i = 1; i < chosen.size(); i++) {
        KpiSetting setting = chosen.get(i);
        builder.kpi(setting.kpi, setting.weight, setting.curve == null
            ? setting.kpi.defaultCurve()
            : setting.curve);
      }
      for (KpiSetting setting : chosen) {
        setting.cloudWeights.forEach(
            (cloud, weight) -> builder.cloudWeight(setting.kpi.id(), CloudId.of(cloud), weight));
      }
      return builder.build();
    });
  }

  /** What is drawn for one KPI before it is known which KPI it is. */
  private static final class KpiSetting {
    private final FakeKpi kpi;
    private final double weight;
    private final Map<String, Double> cloudWeights;
    private final Curve curve;

    KpiSetting(FakeKpi kpi, double weight, Map<String, Double> cloudWeights, Curve curve) {
      this.kpi = kpi;
      this.weight = weight;
      this.cloudWeights = cloudWeights;
      this.curve = curve;
    }

    KpiSetting of(FakeKpi other) {
      return new KpiSetting(other, weight, cloudWeights, curve);
    }
  }

  private Arbitrary<KpiSetting> kpiSetting() {
    Arbitrary<Double> weights = Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 1).ofScale(15),
        Arbitraries.doubles().between(0, 1e9).ofScale(3),
        Arbitraries.of(0.0, -0.0, 1e-300, 4.9e-324));
    Arbitrary<String> clouds = Arbitraries.of(NAME_PIECES).list().ofMinSize(1).ofMaxSize(4)
        .map(pieces -> String.join("", pieces))
        .filter(name -> !name.isBlank() && !name.equals(CloudId.OVERALL));
    Arbitrary<Curve> curves = Arbitraries.oneOf(linear(), piecewise(), steps());
    return Combinators.combine(
            weights, Arbitraries.maps(clouds, weights).ofMaxSize(3),
            curves.injectNull(0.3))
        .as((weight, byCloud, curve) -> new KpiSetting(null, weight, byCloud, curve));
  }

  private static Arbitrary<Double> anyFinite() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
        Arbitraries.doubles().between(-1000, 1000).ofScale(6));
  }

  private static Arbitrary<Double> score() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 100).ofScale(14), Arbitraries.of(0.0, 100.0, 50.0));
  }

  private static Arbitrary<Curve> linear() {
    return Combinators.combine(anyFinite(), anyFinite())
        .filter((worst, best) -> !worst.equals(best) && worst.doubleValue() != best.doubleValue())
        .as(Curve.Linear::new);
  }

  private static Arbitrary<Curve> piecewise() {
    return Combinators.combine(anyFinite().set().ofMinSize(2).ofMaxSize(5), score().list()
            .ofSize(5))
        .as((xs, scores) -> {
          List<Double> sorted = xs.stream().distinct().sorted().toList();
          List<Curve.Point> points = new ArrayList<>();
          for (int i = 0; i < sorted.size(); i++) {
            points.add(new Curve.Point(sorted.get(i), scores.get(i)));
          }
          return points;
        })
        .filter(points -> points.size() >= 2
            && points.stream().map(Curve.Point::x).distinct().count() == points.size()
            && strictlyIncreasing(points.stream().map(Curve.Point::x).toList()))
        .map(Curve.Piecewise::new);
  }

  private static Arbitrary<Curve> steps() {
    return Combinators.combine(
            score(), anyFinite().set().ofMinSize(1).ofMaxSize(4), score().list().ofSize(4))
        .as((below, froms, scores) -> {
          List<Double> sorted = froms.stream().sorted().toList();
          List<Curve.Step> steps = new ArrayList<>();
          for (int i = 0; i < sorted.size(); i++) {
            steps.add(new Curve.Step(sorted.get(i), scores.get(i)));
          }
          return Tuple.of(below, steps);
        })
        .filter(t -> strictlyIncreasing(t.get2().stream().map(Curve.Step::from).toList()))
        .map(t -> new Curve.Steps(t.get1(), t.get2()));
  }

  /** Sets of doubles may hold both 0.0 and -0.0, which sort apart but are not increasing. */
  private static boolean strictlyIncreasing(List<Double> values) {
    for (int i = 1; i < values.size(); i++) {
      if (!(values.get(i) > values.get(i - 1))) {
        return false;
      }
    }
    return true;
  }

  private static Arbitrary<Duration> windows() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 3650).map(Duration::ofDays),
        Combinators.combine(
                Arbitraries.longs().between(0, 1_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999))
            .as(Duration::ofSeconds)
            .filter(d -> !d.isZero()));
  }

  private static Arbitrary<Bands> bands() {
    return Combinators.combine(
            Arbitraries.doubles().between(0, 1).ofScale(9).list().ofSize(3),
            Arbitraries.doubles().between(2, 100).ofScale(9))
        .as((fractions, healthy) -> {
          // watch in (0, healthy), at_risk in [0, watch)
          double watch = healthy * (0.01 + 0.98 * fractions.get(0));
          double atRisk = watch * 0.999 * fractions.get(1);
          return new Bands(healthy, watch, atRisk);
        });
  }

  private static Arbitrary<InterventionPolicy> interventions() {
    return Combinators.combine(score(), score()).as(InterventionPolicy::new);
  }

  private static Arbitrary<WatchlistPolicy> watchlists() {
    return Combinators.combine(
            score(), Arbitraries.integers().between(1, 3), score(),
            Arbitraries.doubles().between(0, 10).ofScale(8),
            Arbitraries.doubles().between(-1, 1).ofScale(8))
        .as(WatchlistPolicy::new);
  }

  private static Arbitrary<RenewalMapping> renewals() {
    return Combinators.combine(anyFinite(), anyFinite().filter(s -> s > 0))
        .as(RenewalMapping.Logistic::new);
  }
}
