package dev.chs.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FiguresTest {
  @Test
  void groupsThousandsAndRoundsAmounts() {
    assertThat(Figures.amount(1_234_567.5)).isEqualTo("1,234,568");
    assertThat(Figures.amount(0)).isEqualTo("0");
  }

  @Test
  void writesNoSignForAValueThatRoundsToZero() {
    assertThat(Figures.amount(-0.0)).isEqualTo("0");
    assertThat(Figures.amount(-0.2)).isEqualTo("0");
    assertThat(Figures.change(-0.01)).isEqualTo("0.0");
    assertThat(Figures.change(-12)).isEqualTo("&#x2212;12.0");
    assertThat(Figures.change(3.25)).isEqualTo("+3.2");
  }

  @Test
  void showsADashForNoNumber() {
    assertThat(Figures.score(Double.NaN)).isEqualTo(Figures.NONE);
    assertThat(Figures.percent(Double.NaN)).isEqualTo(Figures.NONE);
  }

  @Test
  void writesMidnightAsADateAndWholeDaysAsDays() {
    assertThat(Figures.date(Instant.parse("2026-11-30T00:00:00Z"))).isEqualTo("2026-11-30");
    assertThat(Figures.date(Instant.parse("2026-11-30T10:15:00Z")))
        .isEqualTo("2026-11-30T10:15:00Z");
    assertThat(Figures.length(Duration.ofDays(90))).isEqualTo("90 days");
    assertThat(Figures.length(Duration.ofHours(36))).isEqualTo("PT36H");
  }
}
