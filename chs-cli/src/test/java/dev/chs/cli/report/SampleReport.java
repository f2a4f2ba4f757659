package dev.chs.cli.report;

import dev.chs.api.AccountId;
import dev.chs.api.signal.Signal;
import dev.chs.cli.data.DataSetReader;
import dev.chs.cli.data.DataSetSource;
import dev.chs.cli.data.DataSetSummary;
import dev.chs.cli.data.Reject;
import dev.chs.cli.generate.PortfolioGenerator;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import dev.chs.core.portfolio.RevenueAtRisk;
import dev.chs.core.portfolio.Watchlist;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.Scorer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the report's data the way the commands do: read a data set, aggregate it at each as-of
 * instant, score it, and build the views. The sample portfolio is read once and shared.
 */
final class SampleReport {
  /** The as-of instant of the sample: the end of its history. */
  static final Instant AS_OF = PortfolioGenerator.DEFAULT_END;

  /** How many earlier snapshots the history holds besides T: a year, a third of a window apart. */
  static final int SNAPSHOTS = 12;

  private static Input sample;

  private SampleReport() {}

  /** What was read from a data set. */
  record Input(List<Signal> signals, Map<AccountId, String> names, DataSetSummary summary) {}

  /**
   * Returns the bundled sample, read once.
   *
   * @return its signals, names and read counts
   */
  static synchronized Input sample() {
    if (sample == null) {
      List<Signal> signals = new ArrayList<>();
      Map<AccountId, String> names = new TreeMap<>();
      List<Reject> rejects = new ArrayList<>();
      try {
        DataSetSummary summary = DataSetReader.lenient().read(
            DataSetSource.resources(PortfolioGenerator.class, "/dev/chs/cli/sample"),
            signals::add, names::put, rejects::add);
        sample = new Input(List.copyOf(signals), Map.copyOf(names), summary);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sample;
  }

  /**
   * Returns the default model of chs, with the built-in KPIs.
   *
   * @return the model
   */
  static HealthModel defaultModel() {
    return ModelFile.defaultModel(KpiRegistry.discover());
  }

  /**
   * Returns the report's data for the sample as of {@link #AS_OF}.
   *
   * @return the data
   */
  static ReportData data() {
    Input input = sample();
    return data("sample portfolio", input.signals(), input.names(), input.summary(), AS_OF);
  }

  /**
   * Scores a portfolio at T and at {@value #SNAPSHOTS} earlier instants, and builds its views.
   *
   * @param title the report's title
   * @param signals the portfolio's signals
   * @param names the accounts' names
   * @param summary what was read
   * @param asOf the instant T
   * @return the report's data
   */
  static ReportData data(
      String title,
      List<Signal> signals,
      Map<AccountId, String> names,
      DataSetSummary summary,
      Instant asOf) {
    HealthModel model = defaultModel();
    Scorer scorer = Scorer.of(model);
    Duration step = model.window().dividedBy(3);
    SortedMap<Instant, List<AccountHealth>> history = new TreeMap<>();
    for (int i = SNAPSHOTS; i >= 0; i--) {
      Instant at = asOf.minus(step.multipliedBy(i));
      SignalAggregator aggregator = SignalAggregator.of(model, at);
      summary.suppliedSources().forEach(aggregator::declareSource);
      aggregator.addAll(signals);
      history.put(at, scorer.scoreAll(aggregator.results(), at));
    }
    List<AccountHealth> current = history.get(asOf);
    List<AccountHealth> previous = history.get(asOf.minus(model.window()));
    return new ReportData(
        title, asOf, model, current, history, names, RevenueAtRisk.of(current),
        Watchlist.of(current, previous, model.watchlist()), summary);
  }

  /**
   * Writes the report of some data to a string.
   *
   * @param data the data
   * @return the HTML
   */
  static String html(ReportData data) {
    StringWriter out = new StringWriter();
    try {
      HtmlReport.write(data, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
