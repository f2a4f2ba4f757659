package dev.chs.spark.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoSerializable;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.core.plugin.KpiRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The aggregation buffer of one account: for each cloud named by its signals (the empty name for
 * its account-wide signals), the accumulator of every KPI of the model, what failed, its metrics
 * and its ARR. Not thread-safe; Spark confines each buffer to one task.
 *
 * <h2>Serialized form, version 1</h2>
 *
 * <p>Java serialization ({@link Externalizable}) and Kryo ({@link KryoSerializable}) write the
 * same bytes, in {@link DataOutput} encoding:
 *
 * <ol>
 *   <li>the version of the form, 1, as an unsigned byte;
 *   <li>the account id, as {@link DataOutput#writeUTF modified UTF-8}, empty for an empty buffer;
 *   <li>the number of KPIs of the model, {@code n}, as an int;
 *   <li>the number of clouds, as an int, and for each cloud, in order of name:
 *       <ol>
 *         <li>its name, as modified UTF-8, empty for the account-wide signals;
 *         <li>its ARR, as a double;
 *         <li>for each of the {@code n} KPIs, in the model's order, a tag byte whose bit 0 says
 *             that an accumulator follows, bit 1 that a failure message follows and bit 2 that a
 *             metric value follows; then, in this order, the accumulator (the KPI id as modified
 *             UTF-8, then the accumulator's own form, {@link KpiAccumulator#writeTo}), the
 *             failure message (modified UTF-8) and the metric (a double).
 *       </ol>
 * </ol>
 *
 * <p>Each accumulator's own form carries its version in its {@link dev.chs.api.kpi.KpiState}
 * header, so a KPI that changes its form (as {@code product_adoption} and {@code sentiment} did
 * when their sums moved to 192 bits) leaves this form at version 1: a buffer written with the
 * KPIs' older forms still reads, and is written back in their current ones.
 *
 * <p>An accumulator that no signal reached is not written: the empty accumulator is the identity
 * of merging, so it is created when needed. Accumulators are read back with the KPIs that {@link
 * KpiRegistry#discover(ClassLoader)} finds in the context class loader, by the id written.
 */
public final class AccountBuffer implements Externalizable, KryoSerializable {
  private static final long serialVersionUID = 1L;

  /** The version of the serialized form that this class writes and reads. */
  public static final int FORM_VERSION = 1;

  private static final int HAS_ACCUMULATOR = 1;
  private static final int HAS_FAILURE = 2;
  private static final int HAS_METRIC = 4;

  private static final Map<ClassLoader, KpiRegistry> REGISTRIES = new ConcurrentHashMap<>();

  String account = "";
  int kpiCount;
  final Map<String, CloudState> clouds = new HashMap<>(4);

  /** Creates an empty buffer; Java serialization and Kryo need this constructor. */
  public AccountBuffer() {}

  AccountBuffer(int kpiCount) {
    this.kpiCount = kpiCount;
  }

  CloudState cloud(String name) {
    CloudState state = clouds.get(name);
    if (state == null) {
      state = new CloudState(kpiCount);
      clouds.put(name, state);
    }
    return state;
  }

  /**
   * Returns the buffer's serialized form.
   *
   * @return the bytes of form version 1
   */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 96 * clouds.size() * kpiCount);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("aggregation buffer: cannot be written: " + e, e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a buffer from its serialized form.
   *
   * @param bytes the bytes that {@link #toBytes} wrote
   * @return the buffer
   * @throws UncheckedIOException if the bytes are not a buffer of a known version, end early, or
   *     hold an impossible count or a KPI that is not found; the message says which
   */
  public static AccountBuffer fromBytes(byte[] bytes) {
    AccountBuffer buffer = new AccountBuffer();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      buffer.read(in);
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      throw new UncheckedIOException(message.startsWith("aggregation buffer:") ? message
          : "aggregation buffer: cannot be read: " + message, e);
    }
    return buffer;
  }

  void write(DataOutput out) throws IOException {
    out.writeByte(FORM_VERSION);
    out.writeUTF(account);
    out.writeInt(kpiCount);
    out.writeInt(clouds.size());
    for (Map.Entry<String, CloudState> entry : new TreeMap<>(clouds).entrySet()) {
      out.writeUTF(entry.getKey());
      CloudState state = entry.getValue();
      out.writeDouble(state.arr);
      for (int i = 0; i < kpiCount; i++) {
        writeSlot(out, state, i);
      }
    }
  }

  private static void writeSlot(DataOutput out, CloudState state, int i) throws IOException {
    KpiAccumulator<?> accumulator = state.accumulators[i];
    String failure = state.failed[i];
    double metric = state.metrics == null ? Double.NaN : state.metrics[i];
    int tag = (accumulator != null ? HAS_ACCUMULATOR : 0) | (failure != null ? HAS_FAILURE : 0)
        | (!Double.isNaN(metric) ? HAS_METRIC : 0);
    out.writeByte(tag);
    if (accumulator != null) {
      out.writeUTF(state.kpiIds[i]);
      accumulator.writeTo(out);
    }
    if (failure != null) {
      out.writeUTF(failure);
    }
    if (!Double.isNaN(metric)) {
      out.writeDouble(metric);
    }
  }

  void read(DataInput in) throws IOException {
    try {
      readForm(in);
    } catch (EOFException e) {
      EOFException early = new EOFException(
          "aggregation buffer: ends before the end of its form (possible corruption)");
      early.initCause(e);
      throw early;
    }
  }

  private void readForm(DataInput in) throws IOException {
    int version = in.readUnsignedByte();
    if (version != FORM_VERSION) {
      throw new IOException(
          "aggregation buffer: expected form version " + FORM_VERSION + ", found version "
              + version);
    }
    account = in.readUTF();
    kpiCount = in.readInt();
    int cloudCount = in.readInt();
    if (kpiCount < 0 || cloudCount < 0) {
      throw new IOException(
          "aggregation buffer: counts must be >= 0, were " + kpiCount + " KPIs and " + cloudCount
              + " clouds (possible corruption)");
    }
    KpiRegistry registry = REGISTRIES.computeIfAbsent(
        contextLoader(), KpiRegistry::discover);
    clouds.clear();
    for (int c = 0; c < cloudCount; c++) {
      String name = in.readUTF();
      CloudState state = new CloudState(kpiCount);
      state.arr = in.readDouble();
      for (int i = 0; i < kpiCount; i++) {
        readSlot(in, registry, state, i);
      }
      clouds.put(name, state);
    }
  }

  private static void readSlot(DataInput in, KpiRegistry registry, CloudState state, int i)
      throws IOException {
    int tag = in.readUnsignedByte();
    if ((tag & HAS_ACCUMULATOR) != 0) {
      String id = in.readUTF();
      Kpi<?> kpi = registry.find(id).orElseThrow(() -> new IOException(
          "aggregation buffer: " + registry.unknown(id)));
      state.kpiIds[i] = id;
      state.accumulators[i] = kpi.readAccumulator(in);
    }
    if ((tag & HAS_FAILURE) != 0) {
      state.failed[i] = in.readUTF();
    }
    if ((tag & HAS_METRIC) != 0) {
      state.metric(i, in.readDouble());
    }
  }

  private static ClassLoader contextLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : AccountBuffer.class.getClassLoader();
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    write(out);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    read(in);
  }

  @Override
  public void write(Kryo kryo, Output output) {
    byte[] bytes = toBytes();
    output.writeInt(bytes.length);
    output.writeBytes(bytes);
  }

  @Override
  public void read(Kryo kryo, Input input) {
    AccountBuffer copy = fromBytes(input.readBytes(input.readInt()));
    account = copy.account;
    kpiCount = copy.kpiCount;
    clouds.clear();
    clouds.putAll(copy.clouds);
  }

  @Override
  public String toString() {
    return "AccountBuffer[" + account + ", clouds " + clouds.keySet() + "]";
  }

  /** The state of one cloud of the account. */
  static final class CloudState {
    final @Nullable KpiAccumulator<?>[] accumulators;
    final @Nullable String[] kpiIds;
    final @Nullable String[] failed;
    double @Nullable [] metrics;
    double arr;

    CloudState(int kpiCount) {
      accumulators = new KpiAccumulator<?>[kpiCount];
      kpiIds = new String[kpiCount];
      failed = new String[kpiCount];
    }

    /**
     * Records a metric unless it holds another value of it, and returns the value held before, or
     * NaN if none was.
     */
    double metric(int i, double value) {
      if (metrics == null) {
        metrics = new double[accumulators.length];
        Arrays.fill(metrics, Double.NaN);
      }
      double before = metrics[i];
      if (Double.isNaN(before)) {
        metrics[i] = value;
      }
      return before;
    }

    double metricOr(int i, double fallback) {
      return metrics == null || Double.isNaN(metrics[i]) ? fallback : metrics[i];
    }
  }
}
