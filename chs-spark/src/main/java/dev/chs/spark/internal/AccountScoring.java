package dev.chs.spark.internal;

import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.model.HealthModel;
import dev.chs.core.portfolio.Watchlist;
import dev.chs.core.portfolio.WatchlistEntry;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.Scorer;
import dev.chs.spark.ChsModel;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * The per-partition functions that score accounts on executors. Each carries the broadcast model
 * and builds its {@link Scorer} once per deserialized copy, that is once per task.
 */
public final class AccountScoring {
  private AccountScoring() {}

  /**
   * Returns a function from rows of ({@code account_id}, an array of {@link KpiRows#cloud}) to
   * score rows of {@link ScoreRows#schema}.
   *
   * @param model the broadcast model
   * @param asOf the instant T the values were computed for
   * @return the function
   */
  public static MapPartitionsFunction<Row, Row> scores(Broadcast<ChsModel> model, Instant asOf) {
    return new Scores(model, asOf);
  }

  /**
   * Returns a function from rows of ({@code account_id}, clouds at T, clouds at T - W) to
   * watchlist rows of {@link ScoreRows#WATCHLIST}; the clouds at T - W may be null.
   *
   * @param model the broadcast model
   * @param asOf the instant T
   * @return the function
   */
  public static MapPartitionsFunction<Row, Row> watchlist(
      Broadcast<ChsModel> model, Instant asOf) {
    return new Entries(model, asOf);
  }

  /** The scorer of a broadcast model, built on first use. */
  private abstract static class Scoring implements Serializable {
    private static final long serialVersionUID = 1L;

    final Broadcast<ChsModel> model;
    final Instant asOf;
    private transient @Nullable Scorer scorer;

    Scoring(Broadcast<ChsModel> model, Instant asOf) {
      this.model = model;
      this.asOf = asOf;
    }

    Scorer scorer() {
      if (scorer == null) {
        scorer = Scorer.of(model.value().model());
      }
      return scorer;
    }

    AccountHealth health(Row row, int field, Instant at) {
      HealthModel local = scorer().model();
      AccountValues values = KpiRows.fromRows(local, row.getString(0), row.getList(field));
      return scorer().score(values, at);
    }
  }

  private static final class Scores extends Scoring implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    Scores(Broadcast<ChsModel> model, Instant asOf) {
      super(model, asOf);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> accounts) {
      int kpiCount = scorer().model().kpis().size();
      long micros = Math.addExact(
          Math.multiplyExact(asOf.getEpochSecond(), 1_000_000L), asOf.getNano() / 1000);
      return new Iterator<>() {
        private Iterator<Row> pending = List.<Row>of().iterator();

        @Override
        public boolean hasNext() {
          while (!pending.hasNext() && accounts.hasNext()) {
            pending = ScoreRows.rows(health(accounts.next(), 1, asOf), kpiCount, micros)
                .iterator();
          }
          return pending.hasNext();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return pending.next();
        }
      };
    }
  }

  private static final class Entries extends Scoring implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    Entries(Broadcast<ChsModel> model, Instant asOf) {
      super(model, asOf);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> accounts) {
      HealthModel local = scorer().model();
      Instant before = asOf.minus(local.window());
      List<Row> entries = new ArrayList<>();
      while (accounts.hasNext()) {
        Row row = accounts.next();
        AccountHealth now = health(row, 1, asOf);
        List<AccountHealth> previous =
            row.isNullAt(2) ? List.of() : List.of(health(row, 2, before));
        for (WatchlistEntry entry :
            Watchlist.of(List.of(now), previous, local.watchlist()).entries()) {
          entries.add(ScoreRows.watchlistRow(entry));
        }
      }
      return entries.iterator();
    }
  }
}
