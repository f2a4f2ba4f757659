package dev.chs.kpis.internal;

import dev.chs.api.Window;
import java.time.Instant;

/**
 * Window tests that allocate nothing: {@link Window#contains} builds the start instant on every
 * call, which the accumulators would pay once per signal. The answers are those of {@link
 * Window}, computed on the instants' seconds and nanoseconds.
 */
public final class WindowMath {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** Windows up to this many seconds long are counted back in nanoseconds, within a long. */
  private static final long MAX_EXACT_SECONDS = 1_000_000_000L;

  private WindowMath() {}

  /** Returns {@code window.contains(instant)}. */
  public static boolean contains(Window window, Instant instant) {
    Instant asOf = window.asOf();
    long lengthSeconds = window.length().toSeconds();
    if (asOf.getEpochSecond() - lengthSeconds <= Instant.MIN.getEpochSecond()) {
      // Let Window throw as it does for a start before Instant.MIN.
      return window.contains(instant);
    }
    if (instant.compareTo(asOf) > 0) {
      return false;
    }
    long seconds = asOf.getEpochSecond() - instant.getEpochSecond();
    int nanos = asOf.getNano() - instant.getNano();
    if (nanos < 0) {
      seconds--;
      nanos += (int) NANOS_PER_SECOND;
    }
    // asOf - instant < length, with both sides as (seconds, nanos).
    return seconds < lengthSeconds
        || (seconds == lengthSeconds && nanos < window.length().toNanosPart());
  }

  /**
   * Returns the {@code n} in {@code [0, count)} for which {@code window.earlier(n)} contains
   * {@code instant}, or -1 if there is none.
   *
   * @param window the latest window, for {@code n = 0}
   * @param instant the instant to place
   * @param count how many windows to look at, at least 1; {@code window.earlier(count)} must not
   *     start before {@link Instant#MIN}
   */
  public static int windowsBack(Window window, Instant instant, int count) {
    Instant asOf = window.asOf();
    long lengthSeconds = window.length().toSeconds();
    if (lengthSeconds >= MAX_EXACT_SECONDS || count > 8) {
      return windowsBackSlowly(window, instant, count);
    }
    if (instant.compareTo(asOf) > 0) {
      return -1;
    }
    long seconds = asOf.getEpochSecond() - instant.getEpochSecond();
    if (seconds > count * (lengthSeconds + 1)) {
      // Further back than count lengths, which are each shorter than lengthSeconds + 1: the
      // instant lies more than seconds - 1 back, since the nanoseconds take less than a second.
      return -1;
    }
    // Both fit in a long: seconds <= count * 1e9, and count <= 8.
    long back = seconds * NANOS_PER_SECOND + asOf.getNano() - instant.getNano();
    long length = lengthSeconds * NANOS_PER_SECOND + window.length().toNanosPart();
    long n = back / length;
    return n < count ? (int) n : -1;
  }

  private static int windowsBackSlowly(Window window, Instant instant, int count) {
    for (int n = 0; n < count; n++) {
      if (window.earlier(n).contains(instant)) {
        return n;
      }
    }
    return -1;
  }
}
