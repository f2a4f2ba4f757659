package dev.chs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChecksTest {
  @Test
  void returnsAValueThatPassesSoThatACallerCanAssignIt() {
    Instant t = Instant.parse("2026-06-30T00:00:00Z");

    assertThat(Checks.requireId("id", "acme")).isEqualTo("acme");
    assertThat(Checks.requireFinite("x", -2.5)).isEqualTo(-2.5);
    assertThat(Checks.requireFinite("kpi", ".raw", 7.25)).isEqualTo(7.25);
    assertThat(Checks.requireNonNegative("x", 3.5)).isEqualTo(3.5);
    assertThat(Checks.requireNonNegative("x", 4L)).isEqualTo(4L);
    assertThat(Checks.requireNonNegative("kpi", ".evidence", 9L)).isEqualTo(9L);
    assertThat(Checks.requireInRange("x", 0.25, 0, 1)).isEqualTo(0.25);
    assertThat(Checks.requireInRange("kpi", ".score", 100, 0, 100)).isEqualTo(100);
    assertThat(Checks.requireNotBefore("closed_at", t, "opened_at", t)).isEqualTo(t);
    assertThat(Checks.requirePositive("window", Duration.ofNanos(1)))
        .isEqualTo(Duration.ofNanos(1));
  }

  @Test
  void takesTheEndsOfARangeAndZeroAsNonNegative() {
    assertThat(Checks.requireInRange("kpi", ".score", 0, 0, 100)).isZero();
    assertThat(Checks.requireNonNegative("x", 0.0)).isZero();
    assertThat(Checks.requireNonNegative("kpi", ".evidence", 0L)).isZero();
  }

  @Test
  void namesTheOwnerAndFieldOfAValueOutsideItsRange() {
    assertThatThrownBy(() -> Checks.requireInRange("kpi", ".score", 100.5, 0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kpi.score: must be in [0.0, 100.0], was 100.5");
    assertThatThrownBy(() -> Checks.requireInRange("kpi", ".score", -0.5, 0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kpi.score: must be in [0.0, 100.0], was -0.5");
    assertThatThrownBy(() -> Checks.requireNonNegative("kpi", ".evidence", -1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kpi.evidence");
  }
}
