package dev.chs.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.kpi.KpiValue;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.FailurePolicy;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import dev.chs.spark.ChsModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/** The model and the aggregation buffer pass through Spark's Java and Kryo serializers intact. */
class AccountBufferSerializationTest {
  private static final Instant AS_OF = Instant.parse("2026-11-30T00:00:00Z");
  private static final long DAY_US = 86_400_000_000L;
  private static final long T = AS_OF.getEpochSecond() * 1_000_000L;
  /** The buffer's form 1, holding version 2 of the mean KPIs' states (192-bit sums). */
  private static final String GOLDEN = "/golden/account-buffer.v1.sums-192.bin";
  /** The same buffer written when the mean KPIs wrote version 1 (128-bit sums at 2^-32). */
  private static final String GOLDEN_BEFORE_192_BIT_SUMS = "/golden/account-buffer.v1.bin";

  private final HealthModel model = ModelFile.defaultModel(KpiRegistry.discover());
  private final KpiPlan plan = new KpiPlan(
      model, AS_OF, SignalRows.TYPES.values().stream().collect(
          java.util.stream.Collectors.toSet()), FailurePolicy.ISOLATE);

  @Test
  void model_roundTripsThroughJavaAndKryo() {
    ChsModel handle = ChsModel.of(model);

    for (SerializerInstance serializer : serializers()) {
      ChsModel copy = roundTrip(serializer, handle, ChsModel.class);

      assertThat(copy).isEqualTo(handle);
      assertThat(ModelFile.write(copy.model(), ModelFile.Format.YAML)).isEqualTo(handle.text());
    }
  }

  @Test
  void buffer_roundTripsThroughJavaAndKryo_withEqualBytesAndValues() {
    AccountBuffer buffer = sampleBuffer();

    for (SerializerInstance serializer : serializers()) {
      AccountBuffer copy = roundTrip(serializer, buffer, AccountBuffer.class);

      assertThat(copy.toBytes()).isEqualTo(buffer.toBytes());
      assertThat(plan.values(copy)).isEqualTo(plan.values(buffer));
    }
  }

  @Test
  void merge_ofTwoHalves_equalsOneBufferOfAllRows() {
    List<Row> rows = sampleRows();
    AccountBuffer whole = plan.newBuffer();
    rows.forEach(row -> plan.add(whole, row));
    AccountBuffer first = plan.newBuffer();
    AccountBuffer second = plan.newBuffer();
    for (int i = 0; i < rows.size(); i++) {
      plan.add(i % 2 == 0 ? first : second, rows.get(i));
    }

    AccountBuffer merged = plan.merge(
        AccountBuffer.fromBytes(second.toBytes()), AccountBuffer.fromBytes(first.toBytes()));

    assertThat(plan.values(merged)).isEqualTo(plan.values(whole));
  }

  @Test
  void toBytes_ofFormVersion1_equalsTheGoldenFile() throws IOException {
    byte[] bytes = sampleBuffer().toBytes();
    try (InputStream golden = getClass().getResourceAsStream(GOLDEN)) {
      if (golden == null) {
        Path written = Files.write(Path.of("target", "account-buffer.v1.sums-192.bin"), bytes);
        throw new AssertionError("golden file " + GOLDEN + " is missing; wrote " + written
            + " to review and copy to src/test/resources");
      }
      assertThat(bytes).isEqualTo(golden.readAllBytes());
    }
  }

  @Test
  void fromBytes_ofTheGoldenFileWithVersion1KpiStates_readsTheSameValues() throws IOException {
    byte[] old;
    try (InputStream golden = getClass().getResourceAsStream(GOLDEN_BEFORE_192_BIT_SUMS)) {
      assertThat(golden).as(GOLDEN_BEFORE_192_BIT_SUMS).isNotNull();
      old = golden.readAllBytes();
    }
    AccountValues read = plan.values(AccountBuffer.fromBytes(old));
    AccountValues now = plan.values(sampleBuffer());

    // Only the means of sales differ, of one sample each: version 1 held the sample rounded to
    // 2^-32. (The service cloud's sentiment is a metric, held as a double.)
    assertThat(read.clouds()).hasSameSizeAs(now.clouds());
    for (int c = 0; c < now.clouds().size(); c++) {
      List<KpiValue> expected = new java.util.ArrayList<>(now.clouds().get(c).values());
      for (int k = 0; k < expected.size(); k++) {
        boolean sales = now.clouds().get(c).cloud().equals(dev.chs.api.CloudId.of("sales"));
        if (sales && expected.get(k) instanceof KpiValue.Measured m
            && (m.kpiId().equals("sentiment") || m.kpiId().equals("product_adoption"))) {
          expected.set(k, KpiValue.Measured.of(m.kpiId(), Math.round(m.raw() * 0x1p32) * 0x1p-32,
              1));
        }
      }
      assertThat(read.clouds().get(c).values()).isEqualTo(expected);
    }
    assertThat(now.clouds().get(0).values()).contains(KpiValue.Measured.of("sentiment", -0.3, 1))
        .contains(KpiValue.Measured.of("product_adoption", 0.7, 1));
  }

  @Test
  @Tag("SPARK-19")
  void fromBytes_ofAnotherFormVersion_namesBothVersions() {
    byte[] bytes = sampleBuffer().toBytes();
    bytes[0] = 2;

    assertThatThrownBy(() -> AccountBuffer.fromBytes(bytes))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("aggregation buffer: expected form version 1, found version 2");
  }

  @Test
  @Tag("SPARK-19")
  void fromBytes_cutShort_saysTheFormEndsEarly() {
    byte[] bytes = sampleBuffer().toBytes();

    assertThatThrownBy(() -> AccountBuffer.fromBytes(Arrays.copyOf(bytes, bytes.length / 2)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("aggregation buffer: ends before the end of its form (possible corruption)");
  }

  @Test
  @Tag("SPARK-19")
  void fromBytes_withANegativeCount_namesBothCounts() throws IOException {
    byte[] bytes = header(-1, 1);

    assertThatThrownBy(() -> AccountBuffer.fromBytes(bytes))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("aggregation buffer: counts must be >= 0, were -1 KPIs and 1 clouds"
            + " (possible corruption)");
  }

  @Test
  @Tag("SPARK-19")
  void fromBytes_ofAnAccumulatorOfAnUnknownKpi_namesTheKpiAndTheKnownOnes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(header(1, 1));
      out.writeUTF("sales");
      out.writeDouble(0);
      out.writeByte(1);
      out.writeUTF("nps");
    }

    assertThatThrownBy(() -> AccountBuffer.fromBytes(bytes.toByteArray()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("aggregation buffer: unknown KPI 'nps'; available: ")
        .hasMessageContaining("product_adoption");
  }

  /** The bytes of form 1 up to and including the counts, for account A-1. */
  private static byte[] header(int kpis, int clouds) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(AccountBuffer.FORM_VERSION);
      out.writeUTF("A-1");
      out.writeInt(kpis);
      out.writeInt(clouds);
    }
    return bytes.toByteArray();
  }

  @Test
  @Tag("SPARK-11")
  void add_ofAnInvalidRow_namesTheColumnTheValueAndTheAccount() {
    Row usage = RowFactory.create("usage", "A-1", "sales", null, T - DAY_US, null, null, 5L, 0L,
        null);

    assertThatThrownBy(() -> plan.add(plan.newBuffer(), usage))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account_id 'A-1'")
        .hasMessageContaining("licensed_users: must be >= 1, was 0");
  }

  private AccountBuffer sampleBuffer() {
    AccountBuffer buffer = plan.newBuffer();
    sampleRows().forEach(row -> plan.add(buffer, row));
    return buffer;
  }

  /** Rows of one account: two clouds, account-wide signals, a contract and a metric. */
  private static List<Row> sampleRows() {
    return List.of(
        RowFactory.create("case", "A-1", "sales", "C-1", T - 10 * DAY_US, null, null, null, null,
            null),
        RowFactory.create("case", "A-1", "service", "C-2", T - 20 * DAY_US, T - 2 * DAY_US, true,
            null, null, null),
        RowFactory.create("case", "A-1", null, "C-3", T - 5 * DAY_US, T - DAY_US, false, null,
            null, null),
        RowFactory.create("work_order", "A-1", "service", "W-1", T - 200 * DAY_US,
            T - 199 * DAY_US, true, null, null, null),
        RowFactory.create("complaint", "A-1", "", "K-1", T - 3 * DAY_US, null, null, null, null,
            null),
        RowFactory.create("usage", "A-1", "sales", null, T - 30 * DAY_US, null, null, 7L, 10L,
            null),
        RowFactory.create("sentiment", "A-1", "sales", null, T - 9 * DAY_US, null, null, null,
            null, -0.3),
        RowFactory.create("contract", "A-1", "sales", null, T + 300 * DAY_US, null, null, null,
            null, 120_000.0),
        RowFactory.create("metric", "A-1", "service", "sentiment", null, null, null, null, null,
            0.4),
        RowFactory.create("metric", "A-1", "", "nps", null, null, null, null, null, 12.0));
  }

  private static List<SerializerInstance> serializers() {
    SparkConf conf = new SparkConf();
    return List.of(new JavaSerializer(conf).newInstance(), new KryoSerializer(conf).newInstance());
  }

  private static <T> T roundTrip(SerializerInstance serializer, T value, Class<T> type) {
    ClassTag<T> tag = ClassTag$.MODULE$.apply(type);
    ByteBuffer bytes = serializer.serialize(value, tag);
    return serializer.deserialize(bytes, tag);
  }
}
