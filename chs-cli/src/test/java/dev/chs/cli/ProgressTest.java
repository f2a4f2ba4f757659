package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final StringWriter err = new StringWriter();

  @Test
  void notATerminal_showsNothing() {
    Progress progress = Progress.on(new PrintWriter(err), false);

    progress.step("scoring");
    for (long rows = 1; rows <= 100_000; rows++) {
      progress.reading(rows);
    }
    progress.clear();

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void terminal_rewritesOneLine_andClearErasesIt() {
    Progress progress = Progress.on(new PrintWriter(err), true);

    progress.step("scoring as of 2026-11-30T00:00:00Z");
    progress.step("scoring");
    progress.clear();

    String text = err.toString();
    assertThat(text).doesNotContain("\n").endsWith("\r");
    assertThat(text).startsWith("\rscoring as of 2026-11-30T00:00:00Z\rscoring ");
  }
}
