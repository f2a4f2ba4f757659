package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import dev.chs.kpis.BuiltInKpis;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointInTimeTest {
  private static final KpiRegistry REGISTRY = KpiRegistry.of(BuiltInKpis.all());
  private static final HealthModel DEFAULT = ModelFile.defaultModel(REGISTRY);
  private static final Path SAMPLE = Path.of("../chs-cli/src/main/resources/dev/chs/cli/sample");
  private static final AccountId ACCOUNT = AccountId.of("A-1");
  private static final CloudId SALES = CloudId.of("sales");
  private static final Instant RENEWAL = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void computesKpisAsOfTheLeadTimeBeforeTheRenewal() {
    // The lead of 90 days puts the as-of instant at 2026-03-03; the window is the 90 days before.
    List<Signal> signals = List.of(
        new Complaint("K-1", ACCOUNT, SALES, Instant.parse("2026-02-01T00:00:00Z")),
        new Complaint("K-2", ACCOUNT, SALES, Instant.parse("2026-04-01T00:00:00Z")),
        new SentimentSample(ACCOUNT, SALES, Instant.parse("2026-03-01T00:00:00Z"), 0.5),
        new SentimentSample(ACCOUNT, SALES, Instant.parse("2026-05-01T00:00:00Z"), -1));
    RenewalOutcome renewal =
        new RenewalOutcome(ACCOUNT, SALES, RENEWAL, RenewalOutcome.Outcome.CHURNED);

    RenewalData data = RenewalData.pointInTime("t", DEFAULT, signals, List.of(renewal),
        RenewalData.DEFAULT_LEAD);

    assertThat(data.value(0, data.columns().indexOf("complaints_raised"))).isEqualTo(1);
    assertThat(data.value(0, data.columns().indexOf("sentiment"))).isEqualTo(0.5);
    assertThat(data.value(0, data.columns().indexOf("product_adoption"))).isNaN();
    assertThat(data.rows().get(0).renewed()).isFalse();
  }

  @Test
  void signalsAfterTheAsOfInstantChangeNothingOnTheSample() throws Exception {
    SignalFiles files = SignalFiles.read(SAMPLE);
    RenewalData plain = RenewalData.pointInTime("sample", DEFAULT, files.signals(),
        files.renewals(), RenewalData.DEFAULT_LEAD);

    // For every renewal, add a complaint and a dismal sentiment just after its as-of instant.
    List<Signal> withFuture = new ArrayList<>(files.signals());
    int n = 0;
    for (RenewalOutcome renewal : files.renewals()) {
      Instant after = renewal.renewalDate().minus(RenewalData.DEFAULT_LEAD).plusSeconds(1);
      CloudId cloud = renewal.cloud();
      withFuture.add(new Complaint("future-" + n++, renewal.account(), cloud, after));
      withFuture.add(new SentimentSample(renewal.account(), cloud, after, -1));
    }
    RenewalData future = RenewalData.pointInTime("sample", DEFAULT, withFuture,
        files.renewals(), RenewalData.DEFAULT_LEAD);

    assertThat(future.size()).isEqualTo(plain.size()).isEqualTo(849);
    for (int r = 0; r < plain.size(); r++) {
      for (int c = 0; c < plain.columns().size(); c++) {
        // Boxed, so that NaN (not applicable) equals NaN.
        assertThat(Double.valueOf(future.value(r, c))).as("row %d, %s", r, plain.columns().get(c))
            .isEqualTo(Double.valueOf(plain.value(r, c)));
      }
    }
  }

  @Test
  void aLongerLeadSeesLess() {
    List<Signal> signals = List.of(
        new Complaint("K-1", ACCOUNT, SALES, Instant.parse("2026-05-15T00:00:00Z")));
    RenewalOutcome renewal =
        new RenewalOutcome(ACCOUNT, SALES, RENEWAL, RenewalOutcome.Outcome.RENEWED);

    RenewalData late = RenewalData.pointInTime("t", DEFAULT, signals, List.of(renewal),
        Duration.ofDays(7));
    RenewalData early = RenewalData.pointInTime("t", DEFAULT, signals, List.of(renewal),
        RenewalData.DEFAULT_LEAD);

    int complaints = late.columns().indexOf("complaints_raised");
    assertThat(late.value(0, complaints)).isEqualTo(1);
    assertThat(early.value(0, complaints)).isZero();
  }

  @Test
  void aModelFittedOnTheSampleRoundTripsThroughItsModelFile() throws Exception {
    RenewalData data = RenewalData.read(SAMPLE, REGISTRY, null, RenewalData.DEFAULT_LEAD);

    FittedModel fitted = RenewalFitter.fit(data, FitOptions.DEFAULT);
    String yaml = ModelFile.write(fitted.model(), ModelFile.Format.YAML);

    assertThat(fitted.metricKpis()).isEmpty();
    assertThat(ModelFile.read(yaml, ModelFile.Format.YAML, "fitted.yaml", REGISTRY))
        .isEqualTo(fitted.model());
    assertThat(data.sourceModel()).contains(DEFAULT);
  }
}
