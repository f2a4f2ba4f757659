package dev.chs.cli;

import dev.chs.api.AccountId;
import dev.chs.api.signal.Signal;
import dev.chs.cli.data.DataSetReader;
import dev.chs.cli.data.DataSetSource;
import dev.chs.cli.data.DataSetSummary;
import dev.chs.cli.data.Reject;
import dev.chs.core.aggregate.KpiFailure;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.portfolio.RevenueAtRisk;
import dev.chs.core.portfolio.Watchlist;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.Scorer;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The work every command shares: read a data set once, score it at T and at the earlier instants
 * asked for, and build the views.
 *
 * <p>The data set is streamed: each signal goes straight to one {@link SignalAggregator} per
 * as-of instant and is not kept, so memory grows with the number of accounts and clouds (times the
 * number of instants), not with the number of signals. T - W is always scored, for the watchlist;
 * {@link #withMonthlyHistory} adds earlier instants for the report's trends. After reading, every
 * source that the data set supplied is declared on each aggregator, so that a count from an empty
 * file is a real zero.
 *
 * <p>A run is immutable; {@link #read} may be called more than once.
 */
final class PortfolioRun {
  private final HealthModel model;
  private final Instant asOf;
  private final Instant previous;
  private final SortedSet<Instant> instants;

  private PortfolioRun(HealthModel model, Instant asOf, SortedSet<Instant> instants) {
    this.model = model;
    this.asOf = asOf;
    this.previous = asOf.minus(model.window());
    this.instants = instants;
  }

  /**
   * Returns a run that scores T and T - W.
   *
   * @param model the model
   * @param asOf the instant T
   * @return the run
   */
  static PortfolioRun of(HealthModel model, Instant asOf) {
    SortedSet<Instant> instants = new TreeSet<>();
    instants.add(asOf);
    instants.add(asOf.minus(model.window()));
    return new PortfolioRun(model, asOf, instants);
  }

  /**
   * Returns a run that also scores the same day of each of the months before T, in UTC, for
   * score trends.
   *
   * @param months how many months back; at least zero
   * @return the run
   */
  PortfolioRun withMonthlyHistory(int months) {
    SortedSet<Instant> more = new TreeSet<>(instants);
    for (int m = 1; m <= months; m++) {
      more.add(asOf.atOffset(ZoneOffset.UTC).minusMonths(m).toInstant());
    }
    return new PortfolioRun(model, asOf, more);
  }

  /**
   * Returns the as-of instants this run scores.
   *
   * @return the instants, oldest first; T is the last
   */
  SortedSet<Instant> instants() {
    return instants;
  }

  /**
   * Reads a data set and scores it.
   *
   * @param reader the lenient or strict reader
   * @param source where the data set's files are
   * @param rejects receives every rejected row
   * @param progress shows how far reading and scoring have come
   * @return the scores and views
   * @throws IllegalArgumentException if the data set holds no signal file
   * @throws dev.chs.cli.data.BadRowException from a strict reader, at the first bad row
   * @throws IOException if a file cannot be read
   */
  ScoredPortfolio read(
      DataSetReader reader, DataSetSource source, Consumer<? super Reject> rejects,
      Progress progress) throws IOException {
    List<SignalAggregator> aggregators = new ArrayList<>(instants.size());
    for (Instant instant : instants) {
      aggregators.add(SignalAggregator.of(model, instant));
    }
    Map<AccountId, String> names = new HashMap<>();
    long[] rows = new long[1];
    Consumer<Signal> signals = signal -> {
      for (SignalAggregator aggregator : aggregators) {
        aggregator.add(signal);
      }
      progress.reading(++rows[0]);
    };
    DataSetSummary read;
    try {
      read = reader.read(
          source,
          signals,
          (account, name) -> {
            names.put(account, name);
            progress.reading(++rows[0]);
          },
          reject -> {
            rejects.accept(reject);
            progress.reading(++rows[0]);
          });
    } finally {
      progress.clear();
    }
    return score(aggregators, read, names, progress);
  }

  private ScoredPortfolio score(
      List<SignalAggregator> aggregators, DataSetSummary read, Map<AccountId, String> names,
      Progress progress) {
    // Scoring: each instant in turn, declaring every source the data set supplied.
    Scorer scorer = Scorer.of(model);
    SortedMap<Instant, List<AccountHealth>> snapshots = new TreeMap<>();
    Map<String, KpiFailure> failures = new LinkedHashMap<>();
    try {
      for (SignalAggregator aggregator : aggregators) {
        Instant instant = aggregator.window().asOf();
        progress.step("scoring as of " + instant);
        read.suppliedSources().forEach(aggregator::declareSource);
        snapshots.put(instant, scorer.scoreAll(aggregator.results(), instant));
        for (KpiFailure f : aggregator.failures()) {
          failures.putIfAbsent(f.account() + "\u0000" + f.cloud() + "\u0000" + f.kpiId(), f);
        }
      }
    } finally {
      progress.clear();
    }

    // The views as of T.
    // Both instants were scored above.
    List<AccountHealth> current = Objects.requireNonNull(snapshots.get(asOf));
    RevenueAtRisk risk = RevenueAtRisk.of(current);
    Watchlist watchlist = Watchlist.of(
        current, Objects.requireNonNull(snapshots.get(previous)), model.watchlist());
    SignalAggregator atT = aggregators.get(aggregators.size() - 1);
    return new ScoredPortfolio(
        model, asOf, previous, snapshots, names, risk, watchlist, read,
        new ArrayList<>(failures.values()), atT.unread(), atT.afterAsOf());
  }
}
