package dev.chs.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.Band;
import org.junit.jupiter.api.Test;

class BandsTest {
  @Test
  void takesThresholdsOnTheEdgesOfTheirRanges() {
    Bands widest = new Bands(100, 0.5, 0);
    Bands lowest = new Bands(0.2, 0.1, 0);

    assertThat(widest.of(100)).isEqualTo(Band.HEALTHY);
    assertThat(widest.of(99.9)).isEqualTo(Band.WATCH);
    assertThat(widest.of(0.5)).isEqualTo(Band.WATCH);
    assertThat(widest.of(0.4)).isEqualTo(Band.AT_RISK);
    assertThat(widest.of(0)).isEqualTo(Band.AT_RISK);
    assertThat(lowest.of(0.2)).isEqualTo(Band.HEALTHY);
  }

  @Test
  void refusesThresholdsJustOutsideTheirRanges() {
    assertThatThrownBy(() -> new Bands(Math.nextUp(100.0), 60, 40))
        .hasMessage("healthy: must be in [0, 100], was 100.00000000000001");
    assertThatThrownBy(() -> new Bands(-0.1, -0.2, -0.3))
        .hasMessage("healthy: must be in [0, 100], was -0.1");
    assertThatThrownBy(() -> new Bands(70, 70, 40))
        .hasMessage("watch: must be in [0, healthy (70.0)), was 70.0");
    assertThatThrownBy(() -> new Bands(70, -0.1, -0.2))
        .hasMessage("watch: must be in [0, healthy (70.0)), was -0.1");
    assertThatThrownBy(() -> new Bands(70, 50, 50))
        .hasMessage("at_risk: must be in [0, watch (50.0)), was 50.0");
    assertThatThrownBy(() -> new Bands(70, 50, -0.1))
        .hasMessage("at_risk: must be in [0, watch (50.0)), was -0.1");
  }
}
