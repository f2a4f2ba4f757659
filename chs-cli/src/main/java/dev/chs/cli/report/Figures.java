package dev.chs.cli.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Writes the report's numbers and dates the same way on every machine: in {@link Locale#ROOT},
 * with a comma between thousands, and without any time zone but UTC.
 *
 * <p>Every result is HTML, ready to write: it may hold character references such as the minus sign
 * <code>&amp;#x2212;</code>.
 *
 * <p>Stateless and thread-safe: each call makes its own formatter, as {@link DecimalFormat} is
 * not thread-safe.
 */
final class Figures {
  /** What the report shows where there is no number, such as a mean over nothing. */
  static final String NONE = "&#x2014;";

  private Figures() {}

  /**
   * Writes an amount of money rounded to a whole unit, such as {@code 1,234,568}.
   *
   * @param amount the amount, in the contracts' currency; finite
   * @return the amount, grouped by thousands
   */
  static String amount(double amount) {
    return format("#,##0", amount);
  }

  /**
   * Writes a whole count, such as {@code 4,601}.
   *
   * @param count the count
   * @return the count, grouped by thousands
   */
  static String count(long count) {
    return format("#,##0", (double) count);
  }

  /**
   * Writes a score with one decimal, such as {@code 64.3}; {@link #NONE} for NaN.
   *
   * @param score a score in [0, 100], or NaN
   * @return the score
   */
  static String score(double score) {
    return Double.isNaN(score) ? NONE : format("0.0", score);
  }

  /**
   * Writes a signed change of score with one decimal, such as {@code +3.2} or {@code -12.0}.
   *
   * @param change the change in points; finite
   * @return the change, with its sign; a change that rounds to zero is {@code 0.0}
   */
  static String change(double change) {
    String text = format("0.0", Math.abs(change));
    if (text.equals("0.0")) {
      return text;
    }
    return (change > 0 ? "+" : "&#x2212;") + text;
  }

  /**
   * Writes a ratio with two decimals, such as {@code 0.93}; {@link #NONE} for NaN.
   *
   * @param ratio the ratio, or NaN
   * @return the ratio
   */
  static String ratio(double ratio) {
    return Double.isNaN(ratio) ? NONE : format("0.00", ratio);
  }

  /**
   * Writes a share as a percentage with one decimal, such as {@code 61.5%}; {@link #NONE} for NaN.
   *
   * @param share the share, 1 meaning 100%, or NaN
   * @return the percentage
   */
  static String percent(double share) {
    return Double.isNaN(share) ? NONE : format("0.0", share * 100) + "%";
  }

  /**
   * Writes an instant as its date when it is midnight UTC, such as {@code 2026-11-30}, and in
   * full otherwise.
   *
   * @param instant the instant
   * @return the date or instant, in UTC
   */
  static String date(Instant instant) {
    ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
    return utc.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? utc.toLocalDate().toString()
        : instant.toString();
  }

  /**
   * Writes a window length in days when it is a whole number of days, such as {@code 90 days},
   * and as an ISO-8601 duration otherwise.
   *
   * @param length the length; longer than zero
   * @return the length
   */
  static String length(Duration length) {
    if (length.equals(Duration.ofDays(length.toDays()))) {
      long days = length.toDays();
      return days + (days == 1 ? " day" : " days");
    }
    return length.toString();
  }

  private static String format(String pattern, double value) {
    DecimalFormat format =
        new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    String text = format.format(value);
    if (!text.startsWith("-")) {
      return text;
    }
    // A value that rounds to zero, such as -0.0, is shown without a sign.
    String digits = text.substring(1);
    return digits.matches("[0.,]*") ? digits : "&#x2212;" + digits;
  }
}
