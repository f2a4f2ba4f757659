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
