package dev.chs.api;

import java.time.Duration;
import java.time.Instant;

/**
 * The observation window of a KPI: the half-open interval {@code (asOf - length, asOf]}.
 *
 * <p>A signal dated exactly at {@code asOf} is inside the window; one dated exactly at {@code asOf
 * - length} is not; one dated after {@code asOf} never is, so no KPI can look ahead.
 *
 * @param asOf the instant T that the window ends at, inclusive
 * @param length the length W of the window; longer than zero
 * @since 0.1.0
 */
public record Window(Instant asOf, Duration length) {
  /** The default window length: 90 days. */
  public static final Duration DEFAULT_LENGTH = Duration.ofDays(90);

  /**
   * Creates a window.
   *
   * @throws IllegalArgumentException if {@code length} is zero or negative
   * @throws NullPointerException if an argument is null
   */
  public Window {
    Checks.requireNonNull("as_of", asOf);
    Checks.requirePositive("window", length);
  }

  /**
   * Returns the window of the default length, 90 days, that ends at {@code asOf}.
   *
   * @param asOf the instant the window ends at
   * @return the window
   */
  public static Window endingAt(Instant asOf) {
    return new Window(asOf, DEFAULT_LENGTH);
  }

  /**
   * Returns the exclusive start of the window, {@code asOf - length}.
   *
   * @return the start instant, which the window does not contain
   */
  public Instant start() {
    return asOf.minus(length);
  }

  /**
   * Tells whether {@code instant} lies in {@code (asOf - length, asOf]}.
   *
   * @param instant the instant to test
   * @return true if the window contains it
   */
  public boolean contains(Instant instant) {
    return instant.isAfter(start()) && !instant.isAfter(asOf);
  }

  /**
   * Tells whether {@code instant} is at or before {@code asOf}, and so may be seen.
   *
   * @param instant the instant to test
   * @return true unless the instant lies after {@code asOf}
   */
  public boolean hasSeen(Instant instant) {
    return !instant.isAfter(asOf);
  }

  /**
   * Returns the window of the same length that ends {@code n} lengths earlier.
   *
   * @param n how many windows to step back; at least zero
   * @return the earlier window; this window for {@code n = 0}
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Window earlier(int n) {
    Checks.requireNonNegative("n", n);
    return n == 0 ? this : new Window(asOf.minus(length.multipliedBy(n)), length);
  }
}
