package dev.chs.cli;

import dev.chs.cli.data.BadRowException;
import dev.chs.cli.data.ReadCounts;
import dev.chs.core.model.ModelException;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Runs the body of a command that reads a data set, and owns what every such command shares: the
 * exit codes of its failures, their messages, and standard error's last line, which is always
 * exactly one summary line such as {@code read 120 rows: 118 used, 2 rejected} (with 0 rows when
 * the command stopped before reading).
 */
final class ReportedRun {
  /** The body of a command. */
  @FunctionalInterface
  interface Body {
    /**
     * Does the command's work.
     *
     * @param run where to give the summary line once the data set is read
     * @return the exit code
     * @throws IOException if reading or writing fails
     */
    int run(ReportedRun run) throws IOException;
  }

  private String summary = ReadCounts.NONE.summaryLine();

  private ReportedRun() {}

  /**
   * Sets the summary line that standard error ends with.
   *
   * @param line the summary line of what was read
   */
  void summary(String line) {
    summary = line;
  }

  /**
   * Runs a body, maps its failures to exit codes with a message each, and ends standard error
   * with the summary line.
   *
   * @param err standard error
   * @param body the command's work
   * @return the exit code
   */
  static int run(PrintWriter err, Body body) {
    ReportedRun run = new ReportedRun();
    try {
      return body.run(run);
    } catch (BadRowException e) {
      err.println("chs: --strict: stopped at " + e.reject());
      run.summary(e.soFar().summaryLine());
      return ExitCodes.BAD_ROW;
    } catch (ModelException e) {
      err.println("chs: the model file is not valid: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IllegalArgumentException e) {
      err.println("chs: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("chs: " + DataSetCommand.describe(e));
      return ExitCodes.USAGE;
    } finally {
      err.println(run.summary);
      err.flush();
    }
  }
}
