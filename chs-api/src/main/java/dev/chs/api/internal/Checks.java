package dev.chs.api.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Argument checks whose messages name the field, the value and the rule it breaks. Messages are
 * formatted only when a check fails.
 */
public final class Checks {
  private Checks() {}

  /** Returns {@code value} if it is not null and not blank. */
  public static String requireId(String field, String value) {
    requireNonNull(field, value);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + ": must not be empty, was '" + value + "'");
    }
    return value;
  }

  /** Returns {@code value} if it is not null. */
  public static <T> T requireNonNull(String field, T value) {
    // No message supplier: a capturing lambda would cost an allocation on every call.
    if (value == null) {
      throw new NullPointerException(field + ": must not be null");
    }
    return value;
  }

  /** Returns {@code value} if it is finite. */
  public static double requireFinite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + ": must be a finite number, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is finite and at least zero. */
  public static double requireNonNegative(String field, double value) {
    requireFinite(field, value);
    if (value < 0) {
      throw new IllegalArgumentException(field + ": must be >= 0, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is at least zero. */
  public static long requireNonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": must be >= 0, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it lies in the closed range {@code [min, max]}. */
  public static double requireInRange(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          field + ": must be in [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is finite; the field's name is {@code owner + field}, joined only
   * when the check fails, so that a passing check allocates nothing.
   */
  public static double requireFinite(String owner, String field, double value) {
    if (!Double.isFinite(value)) {
      requireFinite(owner + field, value);
    }
    return value;
  }

  /** Returns {@code value} if it is at least zero; the name is joined only on failure. */
  public static long requireNonNegative(String owner, String field, long value) {
    if (value < 0) {
      requireNonNegative(owner + field, value);
    }
    return value;
  }

  /** Returns {@code value} if it lies in {@code [min, max]}; the name is joined only on failure. */
  public static double requireInRange(
      String owner, String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      requireInRange(owner + field, value, min, max);
    }
    return value;
  }

  /** Returns {@code later} if it is null or not before {@code earlier}. */
  public static Instant requireNotBefore(
      String laterField, Instant later, String earlierField, Instant earlier) {
    if (later != null && later.isBefore(earlier)) {
      throw new IllegalArgumentException(
          laterField + ": must not be before " + earlierField + " (" + earlier + "), was " + later);
    }
    return later;
  }

  /** Returns {@code value} if it is longer than zero. */
  public static Duration requirePositive(String field, Duration value) {
    requireNonNull(field, value);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + ": must be longer than zero, was " + value);
    }
    return value;
  }
}
