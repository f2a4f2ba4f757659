package dev.chs.cli.data;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The current record of a file, read through its header: typed access to its cells by column name,
 * with the product's rules for empty cells, timestamps, booleans and numbers. Each accessor throws
 * {@link BadValue} with a reason that names the column, the value and what was expected.
 *
 * <p>Cells are not trimmed: {@code " 12"} is not a number. A column is looked up by the very
 * string given in {@link DataFile#requiredColumns()}, so the lookup is an identity scan.
 */
final class Row {
  private static final int MAX_CACHED_CLOUDS = 256;

  private final String[] columns;
  private final int[] positions;
  private final Map<String, CloudId> clouds = new HashMap<>();
  private @Nullable CsvParser record;

  /**
   * Creates a view of records through a header.
   *
   * @param columns the required columns, as listed by {@link DataFile}
   * @param header the position of each column in the header
   */
  Row(List<String> columns, Map<String, Integer> header) {
    this.columns = columns.toArray(new String[0]);
    this.positions = new int[this.columns.length];
    for (int i = 0; i < this.columns.length; i++) {
      // The reader checked that the header names every required column.
      positions[i] = Objects.requireNonNull(header.get(this.columns[i]), this.columns[i]);
    }
  }

  /** Points this view at the parser's current record. */
  void at(CsvParser current) {
    this.record = current;
  }

  private CsvParser current() {
    CsvParser current = record;
    if (current == null) {
      throw new IllegalStateException("row: at() must be called before the row is read");
    }
    return current;
  }

  /** Returns a cell's text; empty when unknown. */
  String text(String column) {
    for (int i = 0; i < columns.length; i++) {
      if (columns[i].equals(column)) {
        return current().get(positions[i]);
      }
    }
    throw new IllegalStateException("column: not required by this file, was " + column);
  }

  /** Returns the cell at a position of the record. */
  String cell(int position) {
    return current().get(position);
  }

  /** Returns a cell that must not be empty. */
  String required(String column) throws BadValue {
    String text = text(column);
    if (text.isEmpty()) {
      throw new BadValue(column + ": must not be empty");
    }
    return text;
  }

  /** Returns the account in {@code account_id}. */
  AccountId account() throws BadValue {
    try {
      return AccountId.of(text("account_id"));
    } catch (IllegalArgumentException e) {
      throw new BadValue(String.valueOf(e.getMessage()));
    }
  }

  /** Returns the cloud in {@code cloud}: empty means the whole account. */
  CloudId cloud() throws BadValue {
    String text = text("cloud");
    if (text.isEmpty()) {
      return CloudId.ACCOUNT_WIDE;
    }
    CloudId cloud = clouds.get(text);
    if (cloud == null) {
      try {
        cloud = CloudId.of(text);
      } catch (IllegalArgumentException e) {
        throw new BadValue(String.valueOf(e.getMessage()));
      }
      if (clouds.size() < MAX_CACHED_CLOUDS) {
        clouds.put(text, cloud);
      }
    }
    return cloud;
  }

  /** Returns a timestamp that must be present. */
  Instant instant(String column) throws BadValue {
    return parseInstant(column, required(column));
  }

  /** Returns a timestamp, or null when the cell is empty. */
  @Nullable Instant optionalInstant(String column) throws BadValue {
    String text = text(column);
    return text.isEmpty() ? null : parseInstant(column, text);
  }

  /** Returns {@code true} or {@code false}, or null when the cell is empty. */
  @Nullable Boolean optionalBoolean(String column) throws BadValue {
    String text = text(column);
    return switch (text) {
      case "" -> null;
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new BadValue(column + ": must be true or false, was '" + text + "'");
    };
  }

  /** Returns a whole number that must be present; its sign is checked by the signal. */
  long count(String column) throws BadValue {
    return parseCount(column, required(column));
  }

  /** Returns a number that must be present; its range is checked by the signal. */
  double number(String column) throws BadValue {
    return parseNumber(column, required(column));
  }

  /**
   * Parses an ISO-8601 instant with {@code Z} or an offset, or a date meaning 00:00 UTC. A date and
   * time without an offset is rejected rather than guessed at.
   */
  static Instant parseInstant(String column, String text) throws BadValue {
    try {
      Instant common = parseCommonInstant(text);
      if (common != null) {
        return common;
      }
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      if (isLocalDateTime(text)) {
        throw new BadValue(
            column + ": '" + text + "' has no offset; expected Z or an offset such as +02:00");
      }
      throw new BadValue(
          column + ": cannot parse '" + text + "' as an ISO-8601 instant or date");
    }
  }

  /** Parses an optional minus sign and decimal digits, as a 64-bit integer. */
  static long parseCount(String column, String text) throws BadValue {
    int start = text.startsWith("-") ? 1 : 0;
    if (start == text.length() || !allDigits(text, start, text.length())) {
      throw new BadValue(column + ": must be a whole number, was '" + text + "'");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadValue(
          column + ": must be a whole number no larger than " + Long.MAX_VALUE + ", was '"
              + text + "'");
    }
  }

  /**
   * Parses a decimal number such as {@code -12}, {@code 0.5}, {@code .5} or {@code 1.2e6}, or
   * {@code NaN} or {@code Infinity} with an optional sign (which the signals then reject by name).
   * Java's own suffixes and hexadecimal forms ({@code 1d}, {@code 0x1p3}) are not numbers here.
   */
  static double parseNumber(String column, String text) throws BadValue {
    if (!isDecimal(text) && !isNonFinite(text)) {
      throw new BadValue(column + ": must be a number, was '" + text + "'");
    }
    return Double.parseDouble(text);
  }

  /** Parses {@code yyyy-MM-dd} and {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}; else returns null. */
  private static @Nullable Instant parseCommonInstant(String s) {
    int n = s.length();
    if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-'
        || !allDigits(s, 0, 4) || !allDigits(s, 5, 7) || !allDigits(s, 8, 10)) {
      return null;
    }
    long day = LocalDate.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10)).toEpochDay();
    if (n == 10) {
      return Instant.ofEpochSecond(day * 86_400);
    }
    if (n < 20 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':'
        || s.charAt(n - 1) != 'Z' || !allDigits(s, 11, 13) || !allDigits(s, 14, 16)
        || !allDigits(s, 17, 19)) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      int digits = n - 21;
      if (s.charAt(19) != '.' || digits < 1 || digits > 9 || !allDigits(s, 20, n - 1)) {
        return null;
      }
      nanos = number(s, 20, n - 1);
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
    }
    int hour = number(s, 11, 13);
    int minute = number(s, 14, 16);
    int second = number(s, 17, 19);
    if (hour > 23 || minute > 59 || second > 59) {
      throw new DateTimeException("time of day out of range: " + s);
    }
    return Instant.ofEpochSecond(day * 86_400 + hour * 3600L + minute * 60L + second, nanos);
  }

  private static boolean isLocalDateTime(String text) {
    try {
      LocalDateTime.parse(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean isDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int integerDigits = countDigits(s, i);
    i += integerDigits;
    int fractionDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      fractionDigits = countDigits(s, i);
      i += fractionDigits;
    }
    if (integerDigits + fractionDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int exponentDigits = countDigits(s, i);
      if (exponentDigits == 0) {
        return false;
      }
      i += exponentDigits;
    }
    return i == n;
  }

  private static boolean isNonFinite(String s) {
    return switch (s) {
      case "NaN", "Infinity", "+Infinity", "-Infinity" -> true;
      default -> false;
    };
  }

  private static int countDigits(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i - from;
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int number(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (s.charAt(i) - '0');
    }
    return value;
  }
}
