package dev.chs.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point of {@code chs.jar}. */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits with its exit code: 0 for success, 1 when {@code --strict}
   * met a bad row, 2 for a usage error.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // UTF-8 whatever the platform's default, since output feeds other programs.
    PrintWriter out = new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    PrintWriter err = new PrintWriter(
        new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = ChsCommand.commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
