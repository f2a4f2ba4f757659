package dev.chs.core.portfolio;

import static dev.chs.core.portfolio.Portfolio.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.Band;
import dev.chs.api.CloudId;
import dev.chs.api.Contribution;
import dev.chs.api.HealthScore;
import dev.chs.core.model.Bands;
import dev.chs.core.model.InterventionPolicy;
import dev.chs.core.score.AccountHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class InterventionTrackerTest {
  static final AccountId ACME = AccountId.of("acme");
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  /** Fire below 50, re-arm at 55. */
  static final InterventionPolicy POLICY = InterventionPolicy.DEFAULT;

  /** A sales score of one KPI, {@code health}, of share 1. */
  static HealthScore score(double value) {
    return new HealthScore.Scored(ACME, SALES, value, Bands.DEFAULT.of(value), 1, List.of(),
        List.of(new Contribution("health", 1, 1, value, value, 100 - value)), Set.of());
  }

  static HealthScore insufficient() {
    return new HealthScore.InsufficientData(ACME, SALES, 0.2, 0.5, List.of());
  }

  /** Feeds the scores, a day apart, and returns the scores that fired. */
  static List<Double> fired(InterventionTracker tracker, HealthScore... scores) {
    List<Double> fired = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      tracker.observe(T0.plusSeconds(86_400L * i), scores[i])
          .ifPresent(event -> fired.add(event.score()));
    }
    return fired;
  }

  private final InterventionTracker tracker =
      InterventionTracker.of(ScoreKey.of(ACME, SALES), POLICY);

  @Test
  void aScoreHoveringAtTheThresholdFiresOnce() {
    // 60, then 49 fires and disarms; 51, 48, 52, 49 never reach 55, so nothing more fires.
    assertThat(fired(tracker, score(60), score(49), score(51), score(48), score(52), score(49)))
        .containsExactly(49.0);
    assertThat(tracker.isArmed()).isFalse();
  }

  @Test
  void aRecoveryPastTheRearmLevelThenAFallFiresAgain() {
    // 45 fires; 55 reaches the re-arm level exactly; 48 fires again. 50 is not below 50.
    assertThat(fired(tracker, score(60), score(45), score(55), score(48), score(60), score(50)))
        .containsExactly(45.0, 48.0);
  }

  @Test
  void theEventSaysWhoWhenHowFarItFellAndWhatDraggedItDown() {
    tracker.observe(T0, score(62));

    Intervention event = tracker.observe(T0.plusSeconds(60), score(47.5)).orElseThrow();

    // 62 - 47.5 = 14.5 points; the one KPI lost 100 - 47.5 = 52.5 points.
    assertThat(event.key()).isEqualTo(new ScoreKey(ACME, "sales"));
    assertThat(event.asOf()).isEqualTo(T0.plusSeconds(60));
    assertThat(event.score()).isEqualTo(47.5);
    assertThat(event.previousScore()).hasValue(62);
    assertThat(event.fall()).hasValue(14.5);
    assertThat(event.topDetractors()).containsExactly(new Detractor(SALES, "health", 47.5, 52.5));
  }

  @Test
  void aFirstObservationAlreadyBelowTheThresholdFiresWithoutAPreviousScore() {
    Intervention event = tracker.observe(T0, score(20)).orElseThrow();

    assertThat(event.previousScore()).isEmpty();
    assertThat(event.fall()).isEmpty();
  }

  @Test
  void insufficientDataLeavesTheStateAsItWas() {
    // 60, no data, 45: fires, and the previous score is still 60. No data, then 56: re-arms.
    assertThat(fired(tracker, score(60), insufficient(), score(45))).containsExactly(45.0);
    assertThat(tracker.lastScore()).hasValue(45);
    tracker.observe(T0.plusSeconds(86_400L * 3), insufficient());
    assertThat(tracker.isArmed()).isFalse();
    tracker.observe(T0.plusSeconds(86_400L * 4), score(56));
    assertThat(tracker.isArmed()).isTrue();
  }

  @Test
  void theTopDetractorsAreTheThreeKpisThatLostTheMostPoints() {
    // Shares 0.25 each; scores 80, 20, 60, 40 lose 5, 20, 10, 15 points; the score 49.5 fires.
    List<Contribution> kpis = List.of(
        new Contribution("a", 1, 0.25, 80, 20, 5),
        new Contribution("b", 1, 0.25, 20, 5, 20),
        new Contribution("c", 1, 0.25, 60, 15, 10),
        new Contribution("d", 1, 0.25, 40, 10, 15));
    HealthScore score = new HealthScore.Scored(
        ACME, SALES, 49.5, Band.WATCH, 1, List.of(), kpis, Set.of());

    Optional<Intervention> event = tracker.observe(T0, score);

    assertThat(event.orElseThrow().topDetractors()).containsExactly(
        new Detractor(SALES, "b", 20, 20),
        new Detractor(SALES, "d", 40, 15),
        new Detractor(SALES, "c", 60, 10));
  }

  @Test
  @Tag("API-26")
  void rejectsAnObservationThatIsNotLaterThanTheLastOne() {
    tracker.observe(T0, score(60));

    assertThatThrownBy(() -> tracker.observe(T0, score(40)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("as_of of tracker acme/sales: must be after the last observation"
            + " (2026-01-01T00:00:00Z), was 2026-01-01T00:00:00Z");
  }

  @Test
  @Tag("API-26")
  void rejectsAScoreOrAHealthOfAnotherAccount() {
    HealthScore globex = new HealthScore.InsufficientData(
        AccountId.of("globex"), SALES, 0, 0.5, List.of());
    AccountHealth globexHealth = Portfolio.account("globex", T0, Portfolio.cloud(SALES, 1, 80));
    String message = "health of tracker acme/sales: must be of account 'acme', was of 'globex'";

    assertThatThrownBy(() -> tracker.observe(T0, globex))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> tracker.observe(globexHealth))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  @Tag("API-26")
  void rejectsAScoreOfAnotherCloud() {
    HealthScore service = new HealthScore.InsufficientData(
        ACME, CloudId.of("service"), 0, 0.5, List.of());

    assertThatThrownBy(() -> tracker.observe(T0, service))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score of tracker acme/sales: must be of cloud 'sales', was of 'service'");
  }
}
