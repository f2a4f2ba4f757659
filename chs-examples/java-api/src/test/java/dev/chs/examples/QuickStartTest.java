package dev.chs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  @Test
  void printsScoresExplanationsRiskWatchlistAndInterventions() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickStart.run(
        QuickStart.SampleSignals.portfolio(Instant.parse("2026-11-30T00:00:00Z")),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("acme      sales")
        .contains("    product_adoption         score")
        .contains("umbrella  sales    insufficient data (coverage 0.35)")
        .contains("globex    overall")
        .contains("weakest cloud service")
        .contains("Revenue at risk: expected loss")
        .contains("Watchlist:\n    globex ")
        .contains("Interventions, month by month:\n");
    assertThat(out.lines().filter(line -> line.matches("\\s+\\d{4}-\\d{2}-\\d{2} .* fell to .*")))
        .isNotEmpty();
  }
}
