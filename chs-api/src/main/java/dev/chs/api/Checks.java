package dev.chs.api;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks whose messages name the field, the value and the rule it breaks, such as {@code
 * licensed_users: must be >= 1, was 0}. chs checks its own values with them, and plugin authors may
 * use them so that their KPIs report bad input the same way. Messages are formatted only when a
 * check fails. Every check throws {@link IllegalArgumentException}, except that a null throws
 * {@link NullPointerException}.
 *
 * @since 0.1.0
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns {@code value} if it is not null and not blank.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return {@code value}
   */
  public static String requireId(String field, @Nullable String value) {
    String id = requireNonNull(field, value);
    if (id.isBlank()) {
      throw new IllegalArgumentException(field + ": must not be empty, was '" + id + "'");
    }
    return id;
  }

  /**
   * Returns {@code value} if it is not null.
   *
   * @param <T> the value's type
   * @param field the field's name, for the message
   * @param value the value
   * @return {@code value}
   */
  public static <T> T requireNonNull(String field, @Nullable T value) {
    // No message supplier: a capturing lambda would cost an allocation on every call.
    if (value == null) {
      throw new NullPointerException(field + ": must not be null");
    }
    return value;
  }

  /**
   * Returns {@code value} if it is finite.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return {@code value}
   */
  public static double requireFinite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + ": must be a finite number, was " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is finite and at least zero.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return {@code value}
   */
  public static double requireNonNegative(String field, double value) {
    requireFinite(field, value);
    if (value < 0) {
      throw new IllegalArgumentException(field + ": must be >= 0, was " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is at least zero.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return {@code value}
   */
  public static long requireNonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": must be >= 0, was " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it lies in the closed range {@code [min, max]}; NaN never does.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @return {@code value}
   */
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
   *
   * @param owner the start of the field's name, such as a KPI id
   * @param field the rest of the field's name
   * @param value the value
   * @return {@code value}
   */
  public static double requireFinite(String owner, String field, double value) {
    if (!Double.isFinite(value)) {
      requireFinite(owner + field, value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is at least zero; the name is joined only on failure.
   *
   * @param owner the start of the field's name
   * @param field the rest of the field's name
   * @param value the value
   * @return {@code value}
   */
  public static long requireNonNegative(String owner, String field, long value) {
    if (value < 0) {
      requireNonNegative(owner + field, value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it lies in {@code [min, max]}; the name is joined only on failure.
   *
   * @param owner the start of the field's name
   * @param field the rest of the field's name
   * @param value the value
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @return {@code value}
   */
  public static double requireInRange(
      String owner, String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      requireInRange(owner + field, value, min, max);
    }
    return value;
  }

  /**
   * Returns {@code later} if it is null or not before {@code earlier}.
   *
   * @param laterField the later instant's name, for the message
   * @param later the later instant, or null when it is unknown
   * @param earlierField the earlier instant's name, for the message
   * @param earlier the earlier instant
   * @return {@code later}
   */
  public static @Nullable Instant requireNotBefore(
      String laterField, @Nullable Instant later, String earlierField, Instant earlier) {
    if (later != null && later.isBefore(earlier)) {
      throw new IllegalArgumentException(
          laterField + ": must not be before " + earlierField + " (" + earlier + "), was " + later);
    }
    return later;
  }

  /**
   * Returns {@code value} if it is longer than zero.
   *
   * @param field the field's name, for the message
   * @param value the duration
   * @return {@code value}
   */
  public static Duration requirePositive(String field, Duration value) {
    requireNonNull(field, value);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + ": must be longer than zero, was " + value);
    }
    return value;
  }
}
