package dev.chs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiResult;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.model.HealthModel;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.OverallHealth;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * On the sample portfolio, chs on Spark gives the in-process library's answers exactly: every
 * row, every column, doubles bit for bit. Subclasses run it with Java and with Kryo as Spark's
 * serializer; the model is broadcast through it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SampleMatchesLibraryContract {
  SparkSession spark;
  HealthModel model;
  ChsSpark chs;
  SignalFrames frames;
  List<Signal> signals;
  List<AccountHealth> health;

  abstract boolean kryo();

  @BeforeAll
  void start() {
    spark = SparkTests.session(kryo());
    model = SparkTests.defaultModel();
    chs = ChsSpark.of(spark, model);
    Path folder = SparkTests.copySample(SparkTests.tempFolder("chs-sample"));
    frames = SignalFrames.readCsv(spark, folder.toString()).cache();
    signals = SparkTests.sampleSignals();
    health = SparkTests.libraryHealth(model, signals, SparkTests.AS_OF);
  }

  @Test
  void scores_equalTheLibraryRowByRow() {
    Dataset<Row> scores = chs.scores(frames, SparkTests.AS_OF);

    List<List<Object>> actual = sorted(scores.collectAsList());
    List<List<Object>> expected = expectedScoreRows(health);

    assertThat(actual).hasSize(expected.size()).hasSizeGreaterThan(600);
    assertNoDifferences(actual, expected, scores.columns());
    System.out.println("[chs-spark] " + getClass().getSimpleName() + ": " + actual.size()
        + " score rows x " + scores.columns().length + " columns compared, 0 differences");
  }

  @Test
  void kpis_equalTheAggregatorsValues() {
    List<List<Object>> actual = new ArrayList<>();
    for (Row row : chs.kpis(frames, SparkTests.AS_OF).collectAsList()) {
      List<Object> cells = new ArrayList<>(List.of(row.getString(0), row.getString(1),
          row.getDouble(2)));
      for (int i = 0; i < model.kpis().size(); i++) {
        Row kpi = row.getStruct(3 + i);
        cells.addAll(Arrays.asList(kpi.get(0), kpi.get(1), kpi.get(2),
            kpi.isNullAt(3) ? null : List.copyOf(kpi.getList(3)), kpi.get(4)));
      }
      actual.add(cells);
    }
    actual.sort((a, b) -> ((String) a.get(0) + "\u0000" + a.get(1))
        .compareTo((String) b.get(0) + "\u0000" + b.get(1)));

    List<List<Object>> expected = new ArrayList<>();
    for (AccountValues account :
        SparkTests.aggregate(model, signals, SparkTests.AS_OF).results()) {
      for (CloudValues cloud : account.clouds()) {
        List<Object> cells = new ArrayList<>(List.of(account.account().value(),
            cloud.cloud().value(), cloud.arr()));
        for (KpiValue value : cloud.values()) {
          if (value instanceof KpiValue.Measured m) {
            cells.addAll(Arrays.asList(m.raw(), m.curveInput(), m.evidence(),
                List.copyOf(new TreeSet<>(m.flags())), null));
          } else {
            cells.addAll(Arrays.asList(null, null, null, null,
                ((KpiValue.NotApplicable) value).reason()));
          }
        }
        expected.add(cells);
      }
    }

    assertNoDifferences(actual, expected, null);
  }

  /** Sorts score rows by account, then cloud, with an account's overall row last. */
  static List<List<Object>> sorted(List<Row> rows) {
    List<List<Object>> lists = new ArrayList<>();
    for (Row row : rows) {
      List<Object> cells = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        Object cell = row.get(i);
        cells.add(cell instanceof Timestamp t ? t.toInstant() : cell);
      }
      lists.add(cells);
    }
    lists.sort((a, b) -> key(a).compareTo(key(b)));
    return lists;
  }

  private static String key(List<Object> row) {
    String cloud = (String) row.get(1);
    return row.get(0) + "\u0000" + (cloud.equals(CloudId.OVERALL) ? "\uffff" : cloud);
  }

  /** The library's health as score rows, written out here apart from the code under test. */
  static List<List<Object>> expectedScoreRows(List<AccountHealth> health) {
    List<List<Object>> rows = new ArrayList<>();
    for (AccountHealth account : health) {
      Set<String> accountFlags = new TreeSet<>();
      int kpiCount = 0;
      for (CloudHealth cloud : account.clouds()) {
        List<Object> row = new ArrayList<>(List.of(account.account().value(),
            cloud.cloud().value(), account.asOf()));
        if (cloud.score() instanceof HealthScore.Scored s) {
          accountFlags.addAll(s.flags());
          row.addAll(Arrays.asList(s.score(), s.band().name(), s.coverage(),
              cloud.renewalProbability().getAsDouble(), cloud.arr(),
              cloud.expectedLoss().getAsDouble(), String.join(";", new TreeSet<>(s.flags()))));
        } else {
          row.addAll(Arrays.asList(null, null, cloud.score().coverage(), null, cloud.arr(), null,
              null));
        }
        kpiCount = cloud.score().kpis().size();
        for (KpiResult result : cloud.score().kpis()) {
          if (result instanceof KpiResult.Scored k) {
            row.addAll(List.of(k.raw(), k.score()));
          } else {
            row.addAll(Arrays.asList(null, null));
          }
        }
        rows.add(row);
      }
      List<Object> overall = new ArrayList<>(List.of(account.account().value(), "*",
          account.asOf()));
      if (account.overall() instanceof OverallHealth.Scored s) {
        overall.addAll(Arrays.asList(s.score(), s.band().name(), s.coverage(),
            s.renewalProbability(), s.arr(), s.expectedLoss(), String.join(";", accountFlags)));
      } else {
        overall.addAll(Arrays.asList(null, null, account.overall().coverage(), null,
            account.overall().arr(), null, null));
      }
      for (int i = 0; i < 2 * kpiCount; i++) {
        overall.add(null);
      }
      rows.add(overall);
    }
    return rows;
  }

  /** Compares cell by cell, doubles by their bits, and lists the first differences. */
  static void assertNoDifferences(
      List<List<Object>> actual, List<List<Object>> expected, String[] columns) {
    assertThat(actual).hasSameSizeAs(expected);
    List<String> differences = new ArrayList<>();
    for (int r = 0; r < expected.size(); r++) {
      List<Object> want = expected.get(r);
      List<Object> got = actual.get(r);
      assertThat(got).hasSameSizeAs(want);
      for (int c = 0; c < want.size(); c++) {
        if (!same(want.get(c), got.get(c))) {
          String column = columns == null ? "#" + c : columns[c];
          differences.add("row " + r + " (" + want.get(0) + ", " + want.get(1) + ") " + column
              + ": expected " + want.get(c) + ", was " + got.get(c));
        }
      }
    }
    assertThat(differences).as("differences").isEmpty();
  }

  private static boolean same(Object want, Object got) {
    if (want instanceof Double w && got instanceof Double g) {
      return Double.doubleToRawLongBits(w) == Double.doubleToRawLongBits(g);
    }
    return want == null ? got == null : want.equals(got);
  }
}
