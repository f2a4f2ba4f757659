package dev.chs.kpis.internal;

import java.io.DataInput;
import java.io.IOException;

/**
 * Reads the fields that follow the header of a built-in accumulator's state, and rejects values
 * that no accumulator could have written. The forms themselves are documented in the {@code
 * dev.chs.kpis} package.
 */
public final class StateFields {
  private StateFields() {}

  /**
   * Reads a count written as a long.
   *
   * @param in the input
   * @param kpiId the KPI whose state is read, for the message
   * @param field the field's name, for the message
   * @return the count, at least zero
   * @throws IOException if the input fails or the count is negative
   */
  public static long readCount(DataInput in, String kpiId, String field) throws IOException {
    long count = in.readLong();
    if (count < 0) {
      throw corrupt(kpiId, field + " must be >= 0, was " + count);
    }
    return count;
  }

  /**
   * Checks that one count of a state does not exceed another that includes it.
   *
   * @param kpiId the KPI whose state is read, for the message
   * @param partField the name of the smaller count
   * @param part the smaller count
   * @param wholeField the name of the count that includes it
   * @param whole the count that includes it
   * @throws IOException if {@code part} exceeds {@code whole}
   */
  public static void requireAtMost(
      String kpiId, String partField, long part, String wholeField, long whole)
      throws IOException {
    if (part > whole) {
      throw corrupt(
          kpiId, partField + " must be <= " + wholeField + " (" + whole + "), was " + part);
    }
  }

  /**
   * Returns the exception for state that no accumulator could have written.
   *
   * @param kpiId the KPI whose state is read
   * @param detail what is wrong: the field, the value found and what was expected
   * @return the exception, to throw
   */
  public static IOException corrupt(String kpiId, String detail) {
    return new IOException(
        "accumulator state of '" + kpiId + "': " + detail + " (possible corruption)");
  }
}
