package dev.chs.kpis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.Window;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link WindowMath} gives the answers of {@link Window} itself, on instants that lie on or next
 * to the edges of windows, with nanoseconds, and for windows both shorter and longer than the
 * 10^9 seconds that its fast arithmetic handles.
 */
class WindowMathProperties {
  @Property(tries = 2000)
  void containsAsTheWindowDoes(
      @ForAll("windows") Window window, @ForAll("edges") Edge edge) {
    Instant instant = edge.near(window);

    assertThat(WindowMath.contains(window, instant)).isEqualTo(window.contains(instant));
  }

  @Property(tries = 2000)
  void placesAnInstantInTheWindowBackThatContainsIt(
      @ForAll("windows") Window window,
      @ForAll("edges") Edge edge,
      @ForAll @IntRange(min = 1, max = 10) int count) {
    Instant instant = edge.near(window);

    assertThat(WindowMath.windowsBack(window, instant, count))
        .isEqualTo(windowBackOf(window, instant, count));
  }

  @Example
  void countsAnInstantOneNanosecondInsideTheStartAndNotTheStart() {
    Window window = new Window(Instant.parse("2026-06-30T00:00:00.5Z"), Duration.ofDays(90));
    Instant start = window.start();

    assertThat(WindowMath.contains(window, start)).isFalse();
    assertThat(WindowMath.contains(window, start.plusNanos(1))).isTrue();
    assertThat(WindowMath.windowsBack(window, start, 4)).isEqualTo(1);
    assertThat(WindowMath.windowsBack(window, start.plusNanos(1), 4)).isZero();
  }

  @Example
  void placesAnInstantWhoseSecondIsAWholeLengthBackButNotItsNanoseconds() {
    // (-2 ns, 0] holds -1 ns, whose epoch second, -1, lies a whole second back from 0's.
    Window window = new Window(Instant.EPOCH, Duration.ofNanos(2));

    assertThat(WindowMath.windowsBack(window, Instant.EPOCH.minusNanos(1), 1)).isZero();
    assertThat(WindowMath.windowsBack(window, Instant.EPOCH.minusNanos(2), 1)).isEqualTo(-1);
    assertThat(WindowMath.windowsBack(window, Instant.EPOCH.minusNanos(3), 2)).isEqualTo(1);
  }

  @Example
  void answersAsTheWindowDoesForAWindowThatStartsAtTheEarliestInstant() {
    Window window = new Window(Instant.MIN.plusSeconds(90), Duration.ofSeconds(90));

    assertThat(WindowMath.contains(window, Instant.MIN)).isFalse();
    assertThat(WindowMath.contains(window, Instant.MIN.plusNanos(1))).isTrue();
  }

  @Example
  void throwsAsTheWindowDoesForAWindowThatWouldStartBeforeTheEarliestInstant() {
    Window window = new Window(Instant.MIN.plusSeconds(10), Duration.ofSeconds(90));

    assertThatThrownBy(() -> window.contains(Instant.MIN)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> WindowMath.contains(window, Instant.MIN))
        .isInstanceOf(DateTimeException.class);
  }

  /** The reference: each window back in turn, by {@link Window#contains}. */
  private static int windowBackOf(Window window, Instant instant, int count) {
    for (int n = 0; n < count; n++) {
      if (window.earlier(n).contains(instant)) {
        return n;
      }
    }
    return -1;
  }

  @Provide
  Arbitrary<Window> windows() {
    Arbitrary<Instant> asOf = Combinators.combine(
            Arbitraries.longs().between(-50_000_000_000L, 50_000_000_000L),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
    Arbitrary<Long> seconds = Arbitraries.oneOf(
        Arbitraries.longs().between(0, 100_000_000L),
        Arbitraries.longs().between(999_999_990L, 1_000_000_010L),
        Arbitraries.longs().between(1_000_000_010L, 4_000_000_000L));
    Arbitrary<Duration> length = Combinators.combine(
            seconds, Arbitraries.integers().between(0, 999_999_999))
        .as(Duration::ofSeconds)
        .filter(d -> !d.isZero());
    return Combinators.combine(asOf, length).as(Window::new);
  }

  @Provide
  Arbitrary<Edge> edges() {
    return Combinators.combine(
            Arbitraries.integers().between(-1, 11),
            Arbitraries.oneOf(
                Arbitraries.of(-1L, 0L, 1L),
                Arbitraries.longs().between(-2_000_000_000L, 2_000_000_000L)))
        .as(Edge::new);
  }

  /**
   * An instant {@code lengths} window lengths before a window's as-of instant, moved by {@code
   * nanos}: on an edge of a window back, or next to one.
   */
  record Edge(int lengths, long nanos) {
    Instant near(Window window) {
      return window.asOf().minus(window.length().multipliedBy(lengths)).plusNanos(nanos);
    }
  }
}
