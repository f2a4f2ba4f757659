package dev.chs.cli.generate;

import java.time.LocalDate;

/**
 * Formats timestamps, dates and two-decimal numbers into a reused character buffer, without the
 * cost of {@link java.time.format.DateTimeFormatter} on every row. Years must have four digits.
 */
final class IsoText {
  private final char[] chars = new char[24];

  char[] chars() {
    return chars;
  }

  /** Writes {@code yyyy-MM-ddTHH:mm:ssZ}; returns its length, 20. */
  int instant(long epochSecond) {
    long day = Math.floorDiv(epochSecond, 86_400L);
    int second = (int) Math.floorMod(epochSecond, 86_400L);
    date(day);
    chars[10] = 'T';
    two(11, second / 3600);
    chars[13] = ':';
    two(14, second / 60 % 60);
    chars[16] = ':';
    two(17, second % 60);
    chars[19] = 'Z';
    return 20;
  }

  /** Writes {@code yyyy-MM-dd}; returns its length, 10. */
  int date(long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    int year = date.getYear();
    two(0, year / 100);
    two(2, year % 100);
    chars[4] = '-';
    two(5, date.getMonthValue());
    chars[7] = '-';
    two(8, date.getDayOfMonth());
    return 10;
  }

  /** Writes a number rounded to two decimals, such as {@code -0.25} or {@code 1.00}. */
  int hundredths(double value) {
    long cents = Math.round(value * 100);
    int n = 0;
    if (cents < 0) {
      chars[n++] = '-';
      cents = -cents;
    }
    String whole = Long.toString(cents / 100);
    whole.getChars(0, whole.length(), chars, n);
    n += whole.length();
    chars[n++] = '.';
    two(n, (int) (cents % 100));
    return n + 2;
  }

  private void two(int at, int value) {
    chars[at] = (char) ('0' + value / 10);
    chars[at + 1] = (char) ('0' + value % 10);
  }
}
