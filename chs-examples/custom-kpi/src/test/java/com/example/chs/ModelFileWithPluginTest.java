package com.example.chs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Contribution;
import dev.chs.api.HealthScore;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.Scorer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin scores through a model file, with no change to chs. */
class ModelFileWithPluginTest {
  private static final Instant T = Instant.parse("2026-06-30T00:00:00Z");
  private static final AccountId ACME = AccountId.of("acme");
  private static final CloudId SALES = CloudId.of("sales");

  @Test
  void scoresWithThePluginKpiNamedInAModelFile() throws IOException {
    KpiRegistry registry = KpiRegistry.discover(getClass().getClassLoader());
    HealthModel model = read("model-with-plugin.yaml", registry);

    List<Signal> signals = List.of(
        new Contract(ACME, SALES, 50_000, null),
        // Due 37 days before T, paid 7 days after it fell due: 7 days overdue.
        invoice("i1", T.minus(Duration.ofDays(37)), T.minus(Duration.ofDays(30))),
        // Due 30 days before T and still unpaid at T: 30 days overdue.
        invoice("i2", T.minus(Duration.ofDays(30)), null),
        new SentimentSample(ACME, SALES, T.minus(Duration.ofDays(5)), 0.3));
    AccountHealth acme = Scorer.of(model).scoreSignals(signals, T).get(0);

    // invoice_days_overdue: (7 + 30) / 2 = 18.5 days -> between (7, 80) and (30, 40):
    //   80 - (18.5 - 7) / 23 * 40 = 60, weight 0.4
    // sentiment: 0.3 -> (0.3 + 0.6) / 1.2 * 100 = 75, weight 0.6
    // score = 0.4 * 60 + 0.6 * 75 = 24 + 45 = 69
    HealthScore.Scored sales = (HealthScore.Scored) acme.clouds().get(0).score();
    assertThat(sales.contributions()).extracting(Contribution::kpiId)
        .containsExactly("invoice_days_overdue", "sentiment");
    assertThat(sales.contributions().get(0).score()).isCloseTo(60, within(1e-9));
    // Sentiment's mean is exact, 0.3; the curve and the weights round in the last bits only.
    assertThat(sales.score()).isCloseTo(69, within(1e-12));
    assertThat(sales.coverage()).isEqualTo(1.0);
  }

  @Test
  void listsThePluginAmongTheKpisAModelMayName() {
    KpiRegistry registry = KpiRegistry.discover(getClass().getClassLoader());

    assertThat(registry.find(InvoiceDaysOverdue.ID)).containsInstanceOf(InvoiceDaysOverdue.class);
    assertThat(registry.unknown("invoices")).contains("invoice_days_overdue");
  }

  private static Invoice invoice(String id, Instant due, Instant paid) {
    return new Invoice(id, ACME, SALES, due.minus(Duration.ofDays(30)), due, paid);
  }

  private HealthModel read(String resource, KpiRegistry registry) throws IOException {
    try (Reader in = new InputStreamReader(
        getClass().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      return ModelFile.read(in, ModelFile.Format.YAML, resource, registry);
    }
  }
}
