package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.cli.data.BadRowException;
import dev.chs.cli.data.DataSetReader;
import dev.chs.cli.data.DataSetSource;
import dev.chs.cli.data.Reject;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.portfolio.RevenueAtRisk;
import dev.chs.core.portfolio.Watchlist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioRunTest {
  private static final Instant T = Instant.parse("2026-07-01T00:00:00Z");
  private static final HealthModel MODEL = ModelFile.defaultModel(ChsCommand.registry());

  @TempDir Path data;

  @Test
  void of_scoresTAndOneWindowBefore() {
    assertThat(PortfolioRun.of(MODEL, T).instants())
        .containsExactly(Instant.parse("2026-04-02T00:00:00Z"), T);
  }

  @Test
  void withMonthlyHistory_addsTheSameDayOfEachEarlierMonth() {
    assertThat(PortfolioRun.of(MODEL, T).withMonthlyHistory(3).instants()).containsExactly(
        Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-04-02T00:00:00Z"),
        Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"), T);
  }

  @Test
  void read_scoresEveryInstant_andBuildsTheViewsAsOfT() throws IOException {
    Files.writeString(data.resolve("contracts.csv"),
        "account_id,cloud,arr,renewal_date\nA-1,sales,1000,2027-01-01\n");
    Files.writeString(data.resolve("sentiment.csv"), "account_id,cloud,observed_at,score\n"
        + "A-1,sales,2026-03-15,0.9\nA-1,sales,2026-06-15,-0.9\n");

    ScoredPortfolio scored = PortfolioRun.of(MODEL, T).withMonthlyHistory(2)
        .read(DataSetReader.lenient(), DataSetSource.folder(data), r -> {}, Progress.QUIET);

    assertThat(scored.snapshots().keySet()).hasSize(4).last().isEqualTo(T);
    assertThat(scored.current()).hasSize(1);
    assertThat(scored.snapshots().values()).allSatisfy(accounts -> assertThat(accounts)
        .singleElement().satisfies(a -> assertThat(a.asOf()).isIn(scored.snapshots().keySet())));
    assertThat(scored.risk()).isEqualTo(RevenueAtRisk.of(scored.current()));
    assertThat(scored.watchlist()).isEqualTo(Watchlist.of(
        scored.current(), scored.snapshots().get(scored.previous()), MODEL.watchlist()));
    assertThat(scored.read().summaryLine()).isEqualTo("read 3 rows: 3 used, 0 rejected");
    assertThat(scored.reportData("t").history()).isEqualTo(scored.snapshots());
  }

  @Test
  void read_strict_handsTheBadRowOnBeforeThrowing() throws IOException {
    Files.writeString(data.resolve("sentiment.csv"), "account_id,cloud,observed_at,score\n"
        + "A-1,sales,2026-06-15,0.5\nA-1,sales,2026-06-16,7\nA-1,sales,2026-06-17,0.1\n");
    List<Reject> rejects = new ArrayList<>();

    assertThatThrownBy(() -> PortfolioRun.of(MODEL, T)
        .read(DataSetReader.strict(), DataSetSource.folder(data), rejects::add, Progress.QUIET))
        .isInstanceOfSatisfying(BadRowException.class, e -> assertThat(e.soFar().summaryLine())
            .isEqualTo("read 2 rows: 1 used, 1 rejected"));
    assertThat(rejects).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(3));
  }
}
