package dev.chs.spark;

import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.Scorer;
import dev.chs.spark.internal.KpiAggregator;
import dev.chs.spark.internal.SignalRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Registers chs's SQL functions in a Spark session, so that analysts can score in SQL.
 *
 * <table class="striped">
 *   <caption>The functions that {@link #register} registers</caption>
 *   <thead>
 *     <tr><th scope="col">function</th><th scope="col">kind</th><th scope="col">returns</th></tr>
 *   </thead>
 *   <tbody>
 *     <tr>
 *       <td>{@code chs_kpis(kind, account_id, cloud, id, at, until, flag, active_users,
 *           licensed_users, value)}</td>
 *       <td>aggregate, over the rows of one account (group by {@code account_id}) of a signal
 *           frame, its columns as {@link SignalFrames#SCHEMA} names them</td>
 *       <td>{@code struct<clouds: array<struct<cloud, arr, <kpi_id>: struct<raw, curve_input,
 *           evidence, flags, reason>...>>>}, as of the instant given to {@link #register}</td>
 *     </tr>
 *     <tr>
 *       <td>{@code chs_score(cloud, arr, values)}</td>
 *       <td>scalar; {@code values} is a struct whose fields are named after KPIs of the model and
 *           hold their curve inputs (numbers, null for not applicable), such as {@code
 *           struct(open_support_cases, sentiment)}; fields that name no KPI are ignored</td>
 *       <td>{@code struct<score: double, band: string, coverage: double, renewal_probability:
 *           double, expected_loss: double, flags: string>}; score, band, probability and loss
 *           are null for insufficient data</td>
 *     </tr>
 *     <tr>
 *       <td>{@code chs_instant(text)}</td>
 *       <td>scalar</td>
 *       <td>the timestamp of an ISO-8601 instant with {@code Z} or an offset, or of a date at
 *           00:00 UTC; null for null or empty text; an error for other text</td>
 *     </tr>
 *   </tbody>
 * </table>
 *
 * <p>{@code chs_score} scores the way the library scores values from {@code metrics.csv}: each
 * value is a measured KPI with no flags. Scores with flags, and the overall row of each account,
 * come from {@link ChsSpark#scores}.
 *
 * @since 0.1.0
 */
public final class ChsFunctions {
  /** The name of the KPI aggregate function. */
  public static final String KPIS = "chs_kpis";

  /** The name of the scoring function. */
  public static final String SCORE = "chs_score";

  /** The name of the timestamp parser. */
  public static final String INSTANT = "chs_instant";

  /** The struct that {@code chs_score} returns. */
  public static final StructType SCORE_TYPE = new StructType()
      .add("score", DataTypes.DoubleType)
      .add("band", DataTypes.StringType)
      .add("coverage", DataTypes.DoubleType, false)
      .add("renewal_probability", DataTypes.DoubleType)
      .add("expected_loss", DataTypes.DoubleType)
      .add("flags", DataTypes.StringType);

  /**
   * The arguments of {@code chs_kpis}: the columns of a signal frame, each of them nullable, since
   * SQL may pass any expression. A null kind then reaches the aggregator, which names the row.
   */
  private static final StructType KPIS_INPUT = new StructType(
      Arrays.stream(SignalFrames.SCHEMA.fields())
          .map(field -> field.copy(field.name(), field.dataType(), true, field.metadata()))
          .toArray(StructField[]::new));

  private ChsFunctions() {}

  /**
   * Registers the three functions in the session of {@code chs}, replacing functions of the
   * same names. {@code chs_kpis} treats every kind of signal as supplied, so a count KPI is a real
   * zero rather than not applicable.
   *
   * @param chs chs on Spark, whose model and session to use
   * @param asOf the instant T that {@code chs_kpis} computes for
   * @throws NullPointerException if an argument is null
   */
  public static void register(ChsSpark chs, Instant asOf) {
    register(chs, asOf, SignalRows.TYPES.keySet());
  }

  /**
   * Registers the three functions, with the kinds of signal whose sources were supplied.
   *
   * @param chs chs on Spark
   * @param asOf the instant T that {@code chs_kpis} computes for
   * @param kinds the supplied kinds, such as {@code case} and {@code usage}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a kind is not a kind of signal of a signal frame, such as
   *     {@code case}
   */
  public static void register(ChsSpark chs, Instant asOf, Set<String> kinds) {
    Checks.requireNonNull("chs", chs);
    Checks.requireNonNull("as_of", asOf);
    var udf = chs.spark().udf();
    udf.register(KPIS, functions.udaf(
        new KpiAggregator(chs.broadcast(), asOf, kinds, chs.policy()),
        Encoders.row(KPIS_INPUT)));
    udf.register(SCORE, new CloudScore(chs.broadcast()), SCORE_TYPE);
    UDF1<String, Instant> instant = text -> {
      Instant parsed = SignalRows.parseInstant(INSTANT, text);
      if (parsed != null) {
        // Spark turns the instant into 64-bit microseconds; one beyond them must name itself.
        SignalFrames.micros(INSTANT, parsed);
      }
      return parsed;
    };
    udf.register(INSTANT, instant, DataTypes.TimestampType);
  }

  /** Scores one cloud from a struct of curve inputs. */
  private static final class CloudScore implements UDF3<Object, Object, Object, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ChsModel> model;
    private transient @Nullable Scorer scorer;

    CloudScore(Broadcast<ChsModel> model) {
      this.model = model;
    }

    @Override
    public Row call(Object cloud, Object arr, Object values) {
      if (scorer == null) {
        scorer = Scorer.of(model.value().model());
      }
      HealthModel local = scorer.model();
      List<KpiValue> kpis = new ArrayList<>();
      if (values != null) {
        if (!(values instanceof Row struct)) {
          throw new IllegalArgumentException("values: must be a struct of KPI values, was "
              + values + " (" + values.getClass().getName() + ")");
        }
        List<String> fields = Arrays.asList(struct.schema().fieldNames());
        for (WeightedKpi kpi : local.kpis()) {
          int i = fields.indexOf(kpi.id());
          if (i >= 0 && !struct.isNullAt(i)) {
            kpis.add(KpiValue.Measured.of(kpi.id(), number(kpi.id(), struct.get(i)), 1));
          }
        }
      }
      double revenue = arr == null ? 0 : number("arr", arr);
      if (cloud != null && !(cloud instanceof String)) {
        throw new IllegalArgumentException("cloud: must be a string, was " + cloud + " ("
            + cloud.getClass().getName() + ")");
      }
      CloudId id = CloudId.of(cloud == null ? "" : (String) cloud);
      CloudHealth health = scorer.score(
          dev.chs.api.AccountId.of("chs_score"), new CloudValues(id, revenue, kpis));
      if (health.score() instanceof HealthScore.Scored scored) {
        return RowFactory.create(scored.score(), scored.band().name(), scored.coverage(),
            health.renewalProbability().getAsDouble(), health.expectedLoss().getAsDouble(),
            String.join(";", new TreeSet<>(scored.flags())));
      }
      return RowFactory.create(null, null, health.score().coverage(), null, null, null);
    }

    private static double number(String field, Object value) {
      if (value instanceof Number number) {
        return number.doubleValue();
      }
      throw new IllegalArgumentException(
          field + ": must be a number, was " + value + " (" + value.getClass().getName() + ")");
    }
  }
}
