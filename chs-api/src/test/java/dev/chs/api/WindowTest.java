package dev.chs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class WindowTest {
  private static final Instant T = Instant.parse("2026-06-30T00:00:00Z");
  private final Window window = new Window(T, Duration.ofDays(90));

  @Test
  void containsItsEndButNotItsStart() {
    assertThat(window.contains(T)).isTrue();
    assertThat(window.contains(T.minus(Duration.ofDays(90)))).isFalse();
    assertThat(window.contains(T.minus(Duration.ofDays(90)).plusNanos(1))).isTrue();
    assertThat(window.contains(T.plusNanos(1))).isFalse();
  }

  @Test
  void earlierWindowsStepBackByWholeLengths() {
    assertThat(window.earlier(0)).isSameAs(window);
    assertThat(window.earlier(3).asOf()).isEqualTo(Instant.parse("2025-10-03T00:00:00Z"));
    assertThat(window.earlier(1).asOf()).isEqualTo(window.start());
  }

  @Test
  void aWindowOfOneDay_startsADayBeforeT_andStepsBackByDays() {
    Window day = new Window(T, Duration.ofDays(1));
    assertThat(day.start()).isEqualTo(Instant.parse("2026-06-29T00:00:00Z"));
    assertThat(day.contains(Instant.parse("2026-06-29T00:00:00Z"))).isFalse();
    assertThat(day.contains(Instant.parse("2026-06-29T00:00:00.000000001Z"))).isTrue();
    assertThat(day.contains(T)).isTrue();
    assertThat(day.earlier(3).start()).isEqualTo(Instant.parse("2026-06-26T00:00:00Z"));
  }

  @Test
  void aWindowOfTenYears_countsItsLeapDays_andStepsBackForty() {
    // 2016-06-30 to 2026-06-30 holds the leap days of 2020 and 2024: 3,652 days.
    Window decade = new Window(T, Duration.ofDays(3652));
    assertThat(decade.start()).isEqualTo(Instant.parse("2016-06-30T00:00:00Z"));
    assertThat(decade.contains(Instant.parse("2016-06-30T00:00:00Z"))).isFalse();
    assertThat(decade.contains(Instant.parse("2016-06-30T00:00:00.000000001Z"))).isTrue();
    assertThat(decade.contains(T)).isTrue();
    // 2006-06-30 to 2016-06-30 holds three leap days (2008, 2012, 2016): 3,653 days, so the
    // window before starts a day later, on 2006-07-01; four windows back is 1986-07-02.
    assertThat(decade.earlier(1).start()).isEqualTo(Instant.parse("2006-07-01T00:00:00Z"));
    assertThat(decade.earlier(3).start()).isEqualTo(Instant.parse("1986-07-02T00:00:00Z"));
  }

  @Test
  void rejectsAnEmptyLength() {
    assertThatThrownBy(() -> new Window(T, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window: must be longer than zero, was PT0S");
  }

  @Property
  void neverContainsAnInstantAfterItsEnd(@ForAll @LongRange(min = 1) long nanosAfter) {
    assertThat(window.contains(T.plusNanos(nanosAfter))).isFalse();
    assertThat(window.hasSeen(T.plusNanos(nanosAfter))).isFalse();
  }
}
