package dev.chs.cli.output;

import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiResult;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.OverallHealth;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table that {@code chs score} writes: one row per account and cloud, then one row per account
 * with the cloud {@value CloudId#OVERALL} for its overall score.
 *
 * <p>The columns are {@code account_id}, {@code cloud}, {@code as_of}, {@code score}, {@code band},
 * {@code coverage}, {@code renewal_probability}, {@code arr}, {@code expected_loss}, {@code flags},
 * then for each KPI of the model, in the model's order, its raw value under its id and its score
 * under {@code <id>_score}. The cells:
 *
 * <ul>
 *   <li>{@code cloud} is empty for an account whose signals name no cloud, which is scored as one
 *       account-wide cloud;
 *   <li>{@code as_of} is the ISO-8601 instant T, such as {@code 2026-11-30T00:00:00Z};
 *   <li>{@code score}, {@code band}, {@code renewal_probability} and {@code expected_loss} are
 *       empty when the score is insufficient data; {@code coverage} and {@code arr} are always
 *       given;
 *   <li>{@code flags} are the flags of the KPIs that count in the score, sorted and joined by
 *       {@code ;}; for insufficient data, those of the measured KPIs with weight in the cloud. The
 *       overall row holds the union of its clouds' flags;
 *   <li>a KPI's two cells are empty when it is not applicable, and always in the overall row. They
 *       are given for a measured KPI even when the cloud's score is insufficient data.
 * </ul>
 *
 * <p>The class holds no state.
 *
 * @since 0.1.0
 */
public final class ScoreTable {
  /** The columns before the KPI columns. */
  public static final List<String> FIXED_COLUMNS = List.of(
      "account_id", "cloud", "as_of", "score", "band", "coverage", "renewal_probability", "arr",
      "expected_loss", "flags");

  private ScoreTable() {}

  /**
   * Returns the columns for a model.
   *
   * @param model the model whose KPIs get columns
   * @return the fixed columns, then two per KPI
   */
  public static List<String> columns(HealthModel model) {
    List<String> columns = new ArrayList<>(FIXED_COLUMNS);
    for (WeightedKpi kpi : model.kpis()) {
      columns.add(kpi.id());
      columns.add(kpi.id() + "_score");
    }
    return columns;
  }

  /**
   * Writes the rows of some accounts.
   *
   * @param accounts the accounts' health, scored with {@code model}, in the order to write
   * @param model the model; its KPIs must match the writer's columns
   * @param out the table, opened with {@link #columns(HealthModel)}
   * @throws IOException if writing fails
   */
  public static void write(List<AccountHealth> accounts, HealthModel model, TableWriter out)
      throws IOException {
    for (AccountHealth account : accounts) {
      Set<String> allFlags = new TreeSet<>();
      for (CloudHealth cloud : account.clouds()) {
        Set<String> flags = flags(cloud.score(), model);
        allFlags.addAll(flags);
        writeCloud(account, cloud, flags, model, out);
      }
      writeOverall(account, allFlags, model, out);
    }
  }

  private static void writeCloud(
      AccountHealth account, CloudHealth cloud, Set<String> flags, HealthModel model,
      TableWriter out) throws IOException {
    HealthScore score = cloud.score();
    out.text(account.account().value()).text(cloud.cloud().value()).text(account.asOf().toString());
    if (score instanceof HealthScore.Scored scored) {
      out.number(scored.score()).text(scored.band().name());
    } else {
      out.empty().empty();
    }
    out.number(score.coverage())
        .number(cloud.renewalProbability())
        .number(cloud.arr())
        .number(cloud.expectedLoss())
        .text(String.join(";", flags));
    for (KpiResult result : kpiResults(score, model)) {
      if (result instanceof KpiResult.Scored kpi) {
        out.number(kpi.raw()).number(kpi.score());
      } else {
        out.empty().empty();
      }
    }
    out.endRow();
  }

  private static void writeOverall(
      AccountHealth account, Set<String> flags, HealthModel model, TableWriter out)
      throws IOException {
    OverallHealth overall = account.overall();
    out.text(account.account().value()).text(CloudId.OVERALL).text(account.asOf().toString());
    if (overall instanceof OverallHealth.Scored scored) {
      out.number(scored.score()).text(scored.band().name()).number(scored.coverage())
          .number(scored.renewalProbability()).number(scored.arr())
          .number(scored.expectedLoss());
    } else {
      out.empty().empty().number(overall.coverage()).empty().number(overall.arr()).empty();
    }
    out.text(String.join(";", flags));
    for (int i = 0; i < model.kpis().size(); i++) {
      out.empty().empty();
    }
    out.endRow();
  }

  /** Returns the KPI results in the model's order, whatever order the score lists them in. */
  private static List<KpiResult> kpiResults(HealthScore score, HealthModel model) {
    List<KpiResult> ordered = new ArrayList<>(model.kpis().size());
    for (WeightedKpi kpi : model.kpis()) {
      KpiResult found = null;
      for (KpiResult result : score.kpis()) {
        if (result.kpiId().equals(kpi.id())) {
          found = result;
          break;
        }
      }
      ordered.add(found);
    }
    return ordered;
  }

  private static Set<String> flags(HealthScore score, HealthModel model) {
    if (score instanceof HealthScore.Scored scored) {
      return new TreeSet<>(scored.flags());
    }
    Set<String> flags = new TreeSet<>();
    for (KpiResult result : score.kpis()) {
      boolean weighed = model.kpi(result.kpiId())
          .map(k -> k.weightIn(score.cloud()) > 0)
          .orElse(false);
      if (result instanceof KpiResult.Scored kpi && weighed) {
        flags.addAll(kpi.flags());
      }
    }
    return flags;
  }
}
