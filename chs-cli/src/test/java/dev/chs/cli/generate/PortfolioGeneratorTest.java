package dev.chs.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.RenewalOutcome.Outcome;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import dev.chs.cli.data.DataFile;
import dev.chs.cli.data.DataSetReader;
import dev.chs.cli.data.DataSetSource;
import dev.chs.cli.data.DataSetSummary;
import dev.chs.cli.data.Reject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioGeneratorTest {
  private static final Instant END = PortfolioGenerator.DEFAULT_END;

  @TempDir Path folder;

  @Test
  void writesTheSameBytesForTheSameSeed() throws IOException {
    PortfolioGenerator.generate(60, 3, folder.resolve("a"), END);
    PortfolioGenerator.generate(60, 3, folder.resolve("b"), END);
    PortfolioGenerator.generate(60, 4, folder.resolve("c"), END);

    for (DataFile file : DataFile.values()) {
      byte[] a = Files.readAllBytes(folder.resolve("a").resolve(file.fileName()));
      byte[] b = Files.readAllBytes(folder.resolve("b").resolve(file.fileName()));
      assertThat(a).as(file.fileName()).isEqualTo(b);
    }
    assertThat(Files.readAllBytes(folder.resolve("c/cases.csv")))
        .isNotEqualTo(Files.readAllBytes(folder.resolve("a/cases.csv")));
  }

  @Test
  void writesAPortfolioThatReadsBackWithoutAReject() throws IOException {
    GeneratedPortfolio written = PortfolioGenerator.generate(400, 11, folder, END);

    List<Signal> signals = new ArrayList<>();
    Map<AccountId, String> names = new HashMap<>();
    List<Reject> rejects = new ArrayList<>();
    DataSetSummary read =
        DataSetReader.strict().read(folder, signals::add, names::put, rejects::add);

    assertThat(rejects).isEmpty();
    assertThat(read.total().read()).isEqualTo(written.totalRows());
    assertThat(read.files().keySet())
        .containsExactlyElementsOf(
            Stream.of(DataFile.values()).map(DataFile::fileName).collect(Collectors.toList()));
    written.rows().forEach((file, n) -> assertThat(n).as(file).isPositive());
    assertThat(read.suppliedSources())
        .containsExactlyInAnyOrder(
            Contract.class, SupportCase.class, WorkOrder.class, Complaint.class,
            UsageSample.class, SentimentSample.class, RenewalOutcome.class, Metric.class);
    assertThat(names).hasSize(400).containsEntry(AccountId.of("A-0005"), "Dunmore, Pike & Co 0005");
    assertThat(names.values())
        .anyMatch(n -> n.contains("\""))
        .anyMatch(n -> n.chars().anyMatch(c -> c > 127));

    Set<String> clouds = new HashSet<>();
    signals.forEach(s -> clouds.add(s.cloud().value()));
    assertThat(clouds).containsExactlyInAnyOrder("", "sales", "service", "revenue");
  }

  @Test
  void coversAtLeastFifteenMonthsAndNothingAfterTheEnd() throws IOException {
    PortfolioGenerator.generate(100, 5, folder, END);
    List<Instant> instants = new ArrayList<>();
    DataSetReader.lenient()
        .read(folder, s -> instants.add(instantOf(s)), (a, n) -> {}, r -> {});
    instants.removeIf(i -> i == null);

    Instant first = instants.stream().min(Comparator.naturalOrder()).orElseThrow();
    Instant last = instants.stream().max(Comparator.naturalOrder()).orElseThrow();
    assertThat(first).isBefore(END.atOffset(ZoneOffset.UTC).minusMonths(15).toInstant());
    assertThat(last).isBeforeOrEqualTo(END);
  }

  @Test
  void churnsMoreWhereHiddenHealthIsLower() throws IOException {
    List<RenewalDraw> draws = new ArrayList<>();
    new PortfolioGenerator(1000, 7, END).generate(folder, draws::add);

    draws.sort(Comparator.comparingDouble(RenewalDraw::health));
    int third = draws.size() / 3;
    double low = churnRate(draws.subList(0, third));
    double middle = churnRate(draws.subList(third, 2 * third));
    double high = churnRate(draws.subList(2 * third, draws.size()));
    assertThat(draws).hasSizeGreaterThan(2000);
    assertThat(low).isGreaterThan(middle);
    assertThat(middle).isGreaterThan(high);
  }

  @Test
  void bundlesTheSamplePortfolioThatItRegenerates() throws IOException {
    PortfolioGenerator.generate(300, 7, folder, END);

    for (DataFile file : DataFile.values()) {
      String resource = "/dev/chs/cli/sample/" + file.fileName();
      try (InputStream bundled = PortfolioGenerator.class.getResourceAsStream(resource)) {
        assertThat(bundled).as(resource).isNotNull();
        assertThat(bundled.readAllBytes())
            .as(resource)
            .isEqualTo(Files.readAllBytes(folder.resolve(file.fileName())));
      }
    }
  }

  @Test
  void readsTheBundledSampleFromResourcesWithoutAReject() throws IOException {
    List<Reject> rejects = new ArrayList<>();
    DataSetSummary read =
        DataSetReader.strict()
            .read(
                DataSetSource.resources(PortfolioGenerator.class, "/dev/chs/cli/sample"),
                s -> {},
                (a, n) -> {},
                rejects::add);

    assertThat(rejects).isEmpty();
    assertThat(read.summaryLine()).isEqualTo("read 23577 rows: 23577 used, 0 rejected");
  }

  @Test
  void refusesImpossibleSizesAndEnds() {
    assertThatThrownBy(() -> new PortfolioGenerator(0, 1, END))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accounts: must be in [1, 99999999], was 0");
    assertThatThrownBy(() -> new PortfolioGenerator(1, 1, Instant.parse("0999-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end: must be in a year from 1000 to 9998, was 0999-01-01T00:00:00Z");
  }

  @Test
  void formatsTimestampsAndHundredthsAsTheReaderExpects() {
    IsoText text = new IsoText();
    assertThat(new String(text.chars(), 0, text.instant(1_780_000_000L)))
        .isEqualTo(Instant.ofEpochSecond(1_780_000_000L).toString());
    assertThat(new String(text.chars(), 0, text.date(0))).isEqualTo("1970-01-01");
    assertThat(new String(text.chars(), 0, text.hundredths(-0.254))).isEqualTo("-0.25");
    assertThat(new String(text.chars(), 0, text.hundredths(1))).isEqualTo("1.00");
    assertThat(new String(text.chars(), 0, text.hundredths(0.07))).isEqualTo("0.07");
  }

  private static double churnRate(List<RenewalDraw> draws) {
    return draws.stream().filter(d -> d.outcome() == Outcome.CHURNED).count()
        / (double) draws.size();
  }

  private static Instant instantOf(Signal s) {
    if (s instanceof SupportCase) {
      SupportCase c = (SupportCase) s;
      return c.closedAt() == null ? c.openedAt() : c.closedAt();
    } else if (s instanceof UsageSample) {
      return ((UsageSample) s).date();
    } else if (s instanceof SentimentSample) {
      return ((SentimentSample) s).observedAt();
    } else if (s instanceof Complaint) {
      return ((Complaint) s).raisedAt();
    } else if (s instanceof WorkOrder) {
      WorkOrder w = (WorkOrder) s;
      return w.completedAt() == null ? w.createdAt() : w.completedAt();
    } else if (s instanceof RenewalOutcome) {
      return ((RenewalOutcome) s).renewalDate();
    }
    return null;
  }
}
