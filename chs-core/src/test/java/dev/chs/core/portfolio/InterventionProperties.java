package dev.chs.core.portfolio;

import static dev.chs.core.portfolio.InterventionTrackerTest.ACME;
import static dev.chs.core.portfolio.InterventionTrackerTest.T0;
import static dev.chs.core.portfolio.InterventionTrackerTest.insufficient;
import static dev.chs.core.portfolio.InterventionTrackerTest.score;
import static dev.chs.core.portfolio.Portfolio.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.HealthScore;
import dev.chs.core.model.InterventionPolicy;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class InterventionProperties {
  /** Scores in [0, 100], or NaN for insufficient data. */
  @Provide
  Arbitrary<List<Double>> series() {
    Arbitrary<Double> observation = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Double.NaN)),
        Tuple.of(8, Arbitraries.doubles().between(0, 100).ofScale(2)));
    return observation.list().ofMaxSize(60);
  }

  @Property
  void neverFiresTwiceWithoutARecoveryPastTheHysteresisAndAlwaysFiresWhenArmed(
      @ForAll("series") List<Double> series,
      @ForAll @DoubleRange(min = 0, max = 100) double threshold,
      @ForAll @DoubleRange(min = 0, max = 20) double hysteresis) {
    InterventionPolicy policy = new InterventionPolicy(threshold, hysteresis);
    InterventionTracker tracker = InterventionTracker.of(ScoreKey.of(ACME, SALES), policy);

    boolean recoveredSinceLastFire = true;
    for (int i = 0; i < series.size(); i++) {
      double value = series.get(i);
      boolean fired = tracker
          .observe(T0.plusSeconds(i), observation(value))
          .isPresent();

      if (fired) {
        assertThat(recoveredSinceLastFire).as("fired again without a recovery").isTrue();
        assertThat(value).isLessThan(threshold);
        recoveredSinceLastFire = false;
      } else if (!Double.isNaN(value)) {
        assertThat(recoveredSinceLastFire && value < threshold)
            .as("an armed tracker let %s pass below %s", value, threshold).isFalse();
        recoveredSinceLastFire |= value >= policy.rearmAt();
      }
    }
  }

  @Property
  void aTrackerResumedFromItsStateFiresWhatTheOriginalWouldHave(
      @ForAll("series") List<Double> series, @ForAll @IntRange(max = 60) int split) {
    ScoreKey key = ScoreKey.of(ACME, SALES);
    InterventionTracker whole = InterventionTracker.of(key, InterventionPolicy.DEFAULT);
    InterventionTracker first = InterventionTracker.of(key, InterventionPolicy.DEFAULT);
    int cut = Math.min(split, series.size());
    List<Intervention> expected = new ArrayList<>();
    List<Intervention> actual = new ArrayList<>();

    for (int i = 0; i < cut; i++) {
      whole.observe(T0.plusSeconds(i), observation(series.get(i))).ifPresent(expected::add);
      first.observe(T0.plusSeconds(i), observation(series.get(i))).ifPresent(actual::add);
    }
    InterventionTracker resumed =
        InterventionTracker.resume(key, InterventionPolicy.DEFAULT, first.state());
    for (int i = cut; i < series.size(); i++) {
      whole.observe(T0.plusSeconds(i), observation(series.get(i))).ifPresent(expected::add);
      resumed.observe(T0.plusSeconds(i), observation(series.get(i))).ifPresent(actual::add);
    }

    assertThat(actual).isEqualTo(expected);
    assertThat(resumed.state()).isEqualTo(whole.state());
  }

  private static HealthScore observation(double value) {
    return Double.isNaN(value) ? insufficient() : score(value);
  }
}
