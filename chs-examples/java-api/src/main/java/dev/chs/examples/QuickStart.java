package dev.chs.examples;

/** Placeholder until the example lands. */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {}
}
