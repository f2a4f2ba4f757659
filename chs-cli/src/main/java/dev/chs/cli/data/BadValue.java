package dev.chs.cli.data;

/**
 * Why one row cannot be used. Thrown while a row is decoded and caught by {@link DataSetReader}
 * for every bad row, so it carries no stack trace.
 */
final class BadValue extends Exception {
  private static final long serialVersionUID = 1L;

  BadValue(String reason) {
    super(reason, null, false, false);
  }
}
