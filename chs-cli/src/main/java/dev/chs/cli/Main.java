package dev.chs.cli;

/** The entry point of {@code chs.jar}; the commands land with the command-line issue. */
public final class Main {
  private Main() {}

  /**
   * Runs the command line.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.err.println("chs: no commands yet");
    System.exit(2);
  }
}
