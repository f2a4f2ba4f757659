package dev.chs.spark;

import static dev.chs.spark.SampleMatchesLibraryContract.assertNoDifferences;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.core.portfolio.DistressSignal;
import dev.chs.core.portfolio.RevenueAtRisk;
import dev.chs.core.portfolio.Watchlist;
import dev.chs.core.portfolio.WatchlistEntry;
import dev.chs.core.score.AccountHealth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The sample portfolio through Spark's Java serializer; the views built from scores are checked
 * here only, as they do not depend on the serializer.
 */
class SampleMatchesLibraryWithJavaSerializerTest extends SampleMatchesLibraryContract {
  @Override
  boolean kryo() {
    return false;
  }

  @Test
  void scoreKpis_ofStoredKpis_equalsScoresFromSignals() {
    Dataset<Row> kpis = chs.kpis(frames, SparkTests.AS_OF);

    List<List<Object>> rescored = sorted(chs.scoreKpis(kpis, SparkTests.AS_OF).collectAsList());

    assertNoDifferences(rescored, expectedScoreRows(health), null);
  }

  @Test
  void revenueAtRisk_equalsTheLibrarysTotalsExactly() {
    Dataset<Row> scores = chs.scores(frames, SparkTests.AS_OF);

    RevenueAtRisk actual = chs.revenueAtRiskTotals(scores);

    assertThat(actual).isEqualTo(RevenueAtRisk.of(health));
    assertThat(chs.revenueAtRisk(scores).count())
        .isEqualTo(1 + actual.byCloud().size() + actual.byBand().size());
  }

  @Test
  void watchlist_equalsTheLibrarysInRankOrder() {
    List<AccountHealth> previous = SparkTests.libraryHealth(
        model, signals, SparkTests.AS_OF.minus(model.window()));
    List<List<Object>> expected = new ArrayList<>();
    for (WatchlistEntry entry : Watchlist.of(health, previous, model.watchlist()).entries()) {
      List<String> distress = new ArrayList<>();
      for (DistressSignal signal : entry.distress()) {
        distress.add(signal.name());
      }
      expected.add(Arrays.asList(entry.account().value(), entry.expectedLoss(),
          entry.exposedArr(), entry.trend().isPresent() ? entry.trend().getAsDouble() : null,
          distress, entry.reasons()));
    }

    List<List<Object>> actual = new ArrayList<>();
    for (Row row : chs.watchlist(frames, SparkTests.AS_OF).collectAsList()) {
      actual.add(Arrays.asList(row.getString(0), row.get(1), row.get(2), row.get(3),
          List.copyOf(row.getList(4)), List.copyOf(row.getList(5))));
    }

    assertThat(expected).isNotEmpty();
    assertNoDifferences(actual, expected, null);
  }
}
