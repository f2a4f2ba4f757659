package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.cli.data.DataSetSummary;
import dev.chs.core.aggregate.KpiFailure;
import dev.chs.core.model.ModelFile;
import dev.chs.core.portfolio.RevenueAtRisk;
import dev.chs.core.portfolio.Watchlist;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WarningsTest {
  private static final Instant T = Instant.parse("2026-07-01T00:00:00Z");

  private static ScoredPortfolio withFailures(int failures, long unread) {
    List<KpiFailure> list = new ArrayList<>();
    for (int i = 1; i <= failures; i++) {
      list.add(new KpiFailure(AccountId.of("A-" + i), CloudId.of("sales"), "sentiment",
          new IllegalStateException("broken " + i)));
    }
    return new ScoredPortfolio(
        ModelFile.defaultModel(ChsCommand.registry()), T, T.minusSeconds(1),
        new TreeMap<>(Map.of(T, List.of())), Map.of(), RevenueAtRisk.of(List.of()),
        new Watchlist(List.of()), new DataSetSummary(Map.of(), Set.of()), list, unread, 4);
  }

  private static List<String> print(ScoredPortfolio portfolio) {
    StringWriter err = new StringWriter();
    PrintWriter out = new PrintWriter(err);
    Warnings.print(portfolio, out);
    out.flush();
    return err.toString().isEmpty() ? List.of() : List.of(err.toString().split("\n"));
  }

  @Test
  void print_onlySignalsAfterT_saysSoAlone() {
    assertThat(print(withFailures(0, 0)))
        .containsExactly("warning: 4 signals are dated after the as-of instant"
            + " 2026-07-01T00:00:00Z and did not count");
  }

  @Test
  void print_manyFailures_showsTheFirstTenThenACount() {
    List<String> lines = print(withFailures(12, 3));

    assertThat(lines).hasSize(13);
    assertThat(lines.get(0)).isEqualTo("warning: KPI 'sentiment' failed for account A-1, cloud"
        + " sales: java.lang.IllegalStateException: broken 1");
    assertThat(lines.get(9)).contains("account A-10,");
    assertThat(lines.get(10)).startsWith("warning: 2 more KPI failures not shown");
    assertThat(lines.get(11)).startsWith("warning: 3 signals were read by no KPI of the model");
    assertThat(lines.get(12)).startsWith("warning: 4 signals are dated after the as-of instant");
  }
}
