package dev.chs.cli;

import java.io.Console;
import java.io.PrintWriter;

/**
 * Shows how far a long run has come, on standard error, when that is a terminal. A run calls it
 * often; it draws at most a few times a second, always on one line that it rewrites, and {@link
 * #clear()} erases that line, so nothing of it is left beside the summary line.
 *
 * <p>Not safe for use by more than one thread.
 */
abstract class Progress {
  /** Shows nothing: standard error is not a terminal, or a test is running. */
  static final Progress QUIET = new Progress() {
    @Override
    void show(String message) {}

    @Override
    void clear() {}
  };

  private static final long REDRAW_NANOS = 200_000_000L;

  private long lastDrawn = System.nanoTime();

  /**
   * Returns the progress for standard error.
   *
   * @param err standard error
   * @param terminal whether standard error is a terminal, such as {@link #onTerminal()}
   * @return a progress that draws on {@code err}, or {@link #QUIET}
   */
  static Progress on(PrintWriter err, boolean terminal) {
    return terminal ? new OnTerminal(err) : QUIET;
  }

  /**
   * Returns whether the process runs on a terminal: it has a console, and on JDK 22 and later,
   * where a console exists even when the output is redirected, that console is a terminal.
   *
   * @return true on a terminal
   */
  // The check asks for isTerminal() instead of a null check: this method does both, the null
  // check for JDK 17 to 21, where a console exists only on a terminal, and isTerminal() after.
  @SuppressWarnings("SystemConsoleNull")
  static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      // Before JDK 22 there is a console only on a terminal.
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /**
   * Reports the rows read so far; draws only if the last drawing is old enough.
   *
   * @param rows the rows read, used or rejected
   */
  final void reading(long rows) {
    if ((rows & 0x3ff) == 0 && System.nanoTime() - lastDrawn > REDRAW_NANOS) {
      show("reading: " + rows + " rows");
      lastDrawn = System.nanoTime();
    }
  }

  /**
   * Reports a step that starts now, such as scoring one as-of instant.
   *
   * @param message what is being done
   */
  final void step(String message) {
    show(message);
    lastDrawn = System.nanoTime();
  }

  /**
   * Draws a message over the last one.
   *
   * @param message the text, on one line
   */
  abstract void show(String message);

  /** Erases the progress line, if any was drawn. */
  abstract void clear();

  /** Draws on a terminal with a carriage return. */
  private static final class OnTerminal extends Progress {
    private final PrintWriter err;
    private int width;

    OnTerminal(PrintWriter err) {
      this.err = err;
    }

    @Override
    void show(String message) {
      err.print('\r' + message + " ".repeat(Math.max(0, width - message.length())));
      err.flush();
      width = Math.max(width, message.length());
    }

    @Override
    void clear() {
      if (width > 0) {
        err.print('\r' + " ".repeat(width) + '\r');
        err.flush();
        width = 0;
      }
    }
  }
}
