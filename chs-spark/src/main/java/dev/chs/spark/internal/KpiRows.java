package dev.chs.spark.internal;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Converts KPI values to Spark rows and back, losslessly, in the schemas that {@link
 * dev.chs.spark.ChsSpark} documents. Stateless.
 */
public final class KpiRows {
  /** The struct of one KPI's value in one cloud. */
  public static final StructType KPI = new StructType()
      .add("raw", DataTypes.DoubleType)
      .add("curve_input", DataTypes.DoubleType)
      .add("evidence", DataTypes.LongType)
      .add("flags", DataTypes.createArrayType(DataTypes.StringType, false))
      .add("reason", DataTypes.StringType);

  private KpiRows() {}

  /**
   * Returns the struct of one cloud: {@code cloud}, {@code arr}, then one {@link #KPI} struct per
   * KPI of the model, named by its id, in the model's order.
   *
   * @param model the model
   * @return the struct type
   */
  public static StructType cloud(HealthModel model) {
    StructType type = new StructType()
        .add("cloud", DataTypes.StringType, false)
        .add("arr", DataTypes.DoubleType, false);
    for (WeightedKpi kpi : model.kpis()) {
      type = type.add(kpi.id(), KPI, false);
    }
    return type;
  }

  /**
   * Returns the struct of one account's KPI values: {@code clouds}, an array of {@link #cloud}.
   *
   * @param model the model
   * @return the struct type
   */
  public static StructType account(HealthModel model) {
    return new StructType()
        .add("clouds", DataTypes.createArrayType(cloud(model), false), false);
  }

  /**
   * Returns the row of an account's values, in the schema {@link #account}.
   *
   * @param values the values, or null for an account no signal reached
   * @return the row
   */
  public static Row toRow(@Nullable AccountValues values) {
    if (values == null) {
      return RowFactory.create(seq(List.of()));
    }
    List<Row> clouds = new ArrayList<>(values.clouds().size());
    for (CloudValues cloud : values.clouds()) {
      Object[] fields = new Object[2 + cloud.values().size()];
      fields[0] = cloud.cloud().value();
      fields[1] = cloud.arr();
      for (int i = 0; i < cloud.values().size(); i++) {
        fields[2 + i] = toRow(cloud.values().get(i));
      }
      clouds.add(RowFactory.create(fields));
    }
    return RowFactory.create(seq(clouds));
  }

  private static Row toRow(KpiValue value) {
    if (value instanceof KpiValue.Measured measured) {
      String[] flags = measured.flags().toArray(new String[0]);
      Arrays.sort(flags);
      return RowFactory.create(
          measured.raw(), measured.curveInput(), measured.evidence(), seq(Arrays.asList(flags)),
          null);
    }
    return RowFactory.create(null, null, null, null, ((KpiValue.NotApplicable) value).reason());
  }

  /**
   * Reads an account's values back from rows of {@link #cloud}.
   *
   * @param model the model whose KPIs the rows hold
   * @param account the account's id
   * @param clouds the rows of its clouds
   * @return the values
   */
  public static AccountValues fromRows(HealthModel model, String account, List<Row> clouds) {
    List<CloudValues> values = new ArrayList<>(clouds.size());
    for (Row cloud : clouds) {
      values.add(cloudFromRow(model, cloud));
    }
    return new AccountValues(AccountId.of(account), values);
  }

  /**
   * Reads one cloud's values back from a row of {@link #cloud}.
   *
   * @param model the model whose KPIs the row holds
   * @param cloud the row
   * @return the values
   */
  public static CloudValues cloudFromRow(HealthModel model, Row cloud) {
    List<WeightedKpi> kpis = model.kpis();
    List<KpiValue> values = new ArrayList<>(kpis.size());
    for (int i = 0; i < kpis.size(); i++) {
      values.add(valueFromRow(kpis.get(i).id(), cloud.getStruct(2 + i)));
    }
    return new CloudValues(CloudId.of(cloud.getString(0)), cloud.getDouble(1), values);
  }

  /** Wraps a list as the Scala sequence that Spark's row encoder takes for an array. */
  static <T> scala.collection.Seq<T> seq(List<T> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list);
  }

  private static KpiValue valueFromRow(String id, Row kpi) {
    if (kpi.isNullAt(0)) {
      return new KpiValue.NotApplicable(id, kpi.isNullAt(4) ? "" : kpi.getString(4));
    }
    List<String> flags = kpi.isNullAt(3) ? List.of() : kpi.getList(3);
    return new KpiValue.Measured(
        id, kpi.getDouble(0), kpi.getDouble(1), kpi.getLong(2), Set.copyOf(flags));
  }
}
