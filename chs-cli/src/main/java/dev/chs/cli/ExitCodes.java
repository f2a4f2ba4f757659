package dev.chs.cli;

/** The exit codes of {@code chs}, as PRODUCT.md sets them, and one for bugs. */
final class ExitCodes {
  /** The command did what it was asked. */
  static final int OK = 0;
  /** {@code --strict} met a bad row. */
  static final int BAD_ROW = 1;
  /** A usage error: a bad option, data folder, date or model file, or unusable input or output. */
  static final int USAGE = 2;
  /** A bug in chs: the stack trace is printed. Not one of PRODUCT.md's codes, so never expected. */
  static final int BUG = 3;

  private ExitCodes() {}
}
