package dev.chs.spark.internal;

import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiResult;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import dev.chs.core.portfolio.DistressSignal;
import dev.chs.core.portfolio.WatchlistEntry;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.OverallHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns the library's results into the output rows of {@link dev.chs.spark.ChsSpark}. The as-of
 * instant is written as microseconds since the epoch, and turned into a timestamp by the caller.
 * Stateless.
 */
public final class ScoreRows {
  /** How flags are joined in the {@code flags} column, as in the CLI's output. */
  public static final String FLAG_SEPARATOR = ";";

  private static final int FIXED_COLUMNS = 10;

  /** The schema of watchlist rows. */
  public static final StructType WATCHLIST = new StructType()
      .add("account_id", DataTypes.StringType, false)
      .add("expected_loss", DataTypes.DoubleType, false)
      .add("exposed_arr", DataTypes.DoubleType, false)
      .add("trend", DataTypes.DoubleType)
      .add("distress", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("reasons", DataTypes.createArrayType(DataTypes.StringType, false), false);

  private ScoreRows() {}

  /**
   * Returns the schema of score rows, with {@code as_of} as a long of microseconds.
   *
   * @param model the model, whose KPIs add two columns each
   * @return the schema
   */
  public static StructType schema(HealthModel model) {
    StructType type = new StructType()
        .add("account_id", DataTypes.StringType, false)
        .add("cloud", DataTypes.StringType, false)
        .add("as_of", DataTypes.LongType, false)
        .add("score", DataTypes.DoubleType)
        .add("band", DataTypes.StringType)
        .add("coverage", DataTypes.DoubleType, false)
        .add("renewal_probability", DataTypes.DoubleType)
        .add("arr", DataTypes.DoubleType, false)
        .add("expected_loss", DataTypes.DoubleType)
        .add("flags", DataTypes.StringType);
    for (WeightedKpi kpi : model.kpis()) {
      type = type.add(kpi.id(), DataTypes.DoubleType)
          .add(kpi.id() + "_score", DataTypes.DoubleType);
    }
    return type;
  }

  /**
   * Returns the rows of an account: one per cloud, in order of cloud id, then its overall row,
   * whose cloud is {@value CloudId#OVERALL} and whose KPI columns are null.
   *
   * @param health the account's health
   * @param kpiCount the number of KPIs of the model
   * @param asOfMicros the as-of instant, in microseconds since the epoch
   * @return the rows
   */
  public static List<Row> rows(AccountHealth health, int kpiCount, long asOfMicros) {
    List<Row> rows = new ArrayList<>(health.clouds().size() + 1);
    String account = health.account().value();
    Set<String> allFlags = new TreeSet<>();
    for (CloudHealth cloud : health.clouds()) {
      Object[] row = new Object[FIXED_COLUMNS + 2 * kpiCount];
      row[0] = account;
      row[1] = cloud.cloud().value();
      row[2] = asOfMicros;
      row[5] = cloud.score().coverage();
      row[7] = cloud.arr();
      if (cloud.score() instanceof HealthScore.Scored scored) {
        row[3] = scored.score();
        row[4] = scored.band().name();
        row[6] = cloud.renewalProbability().getAsDouble();
        row[8] = cloud.expectedLoss().getAsDouble();
        Set<String> flags = new TreeSet<>(scored.flags());
        row[9] = String.join(FLAG_SEPARATOR, flags);
        allFlags.addAll(flags);
      }
      List<KpiResult> kpis = cloud.score().kpis();
      for (int i = 0; i < kpis.size(); i++) {
        if (kpis.get(i) instanceof KpiResult.Scored kpi) {
          row[FIXED_COLUMNS + 2 * i] = kpi.raw();
          row[FIXED_COLUMNS + 2 * i + 1] = kpi.score();
        }
      }
      rows.add(RowFactory.create(row));
    }
    rows.add(overall(account, health.overall(), allFlags, kpiCount, asOfMicros));
    return rows;
  }

  private static Row overall(
      String account, OverallHealth overall, Set<String> flags, int kpiCount, long asOfMicros) {
    Object[] row = new Object[FIXED_COLUMNS + 2 * kpiCount];
    row[0] = account;
    row[1] = CloudId.OVERALL;
    row[2] = asOfMicros;
    row[5] = overall.coverage();
    row[7] = overall.arr();
    if (overall instanceof OverallHealth.Scored scored) {
      row[3] = scored.score();
      row[4] = scored.band().name();
      row[6] = scored.renewalProbability();
      row[8] = scored.expectedLoss();
      row[9] = String.join(FLAG_SEPARATOR, flags);
    }
    return RowFactory.create(row);
  }

  /**
   * Returns the row of a watchlist entry, in the schema {@link #WATCHLIST}.
   *
   * @param entry the entry
   * @return the row
   */
  public static Row watchlistRow(WatchlistEntry entry) {
    List<String> distress = new ArrayList<>();
    for (DistressSignal signal : entry.distress()) {
      distress.add(signal.name());
    }
    return RowFactory.create(
        entry.account().value(),
        entry.expectedLoss(),
        entry.exposedArr(),
        entry.trend().isPresent() ? entry.trend().getAsDouble() : null,
        KpiRows.seq(distress),
        KpiRows.seq(entry.reasons()));
  }
}
