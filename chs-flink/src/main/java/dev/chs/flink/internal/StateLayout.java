package dev.chs.flink.internal;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import dev.chs.core.portfolio.InterventionTracker;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The byte layout of the operator's keyed state, in one place. Both forms start with a version
 * byte, {@link #VERSION}; a reader meets a version it does not know with an {@link IOException}
 * that names the expected and the actual version. All numbers are big-endian, as {@link
 * DataOutput} writes them; strings are {@link DataOutput#writeUTF modified UTF-8}, so an id or a
 * cloud name is at most 65,535 bytes long; writing a longer one fails with a {@link
 * UTFDataFormatException} that names its field.
 *
 * <h2>A timed signal (the inbox of an account), version 1</h2>
 *
 * <pre>
 * byte     version, 1
 * signal   as below
 * </pre>
 *
 * <h2>A signal</h2>
 *
 * <pre>
 * long     event time, epoch milliseconds
 * byte     type: 1 support case, 2 work order, 3 complaint, 4 usage sample, 5 sentiment sample,
 *          6 contract, 7 metric, 8 renewal outcome
 * utf      account id
 * utf      cloud, empty for account-wide
 * then, by type:
 *   1  utf case id, instant opened, instant? closed, boolean? first contact resolution
 *   2  utf work order id, instant created, instant? completed, boolean? first-time fix
 *   3  utf complaint id, instant raised
 *   4  instant date, long active users, long licensed users
 *   5  instant observed, double score
 *   6  double arr, instant? renewal date
 *   7  utf name, double value
 *   8  instant renewal date, byte outcome (0 renewed, 1 churned)
 * </pre>
 *
 * <p>An {@code instant} is a long of epoch seconds and an int of nanoseconds. An {@code instant?}
 * is a byte, 0 for null or 1, followed by an instant when 1. A {@code boolean?} is a byte: 0 for
 * null, 1 for false, 2 for true. A {@code double} is its IEEE 754 bits, so it reads back bit for
 * bit.
 *
 * <h2>An account (its retained signals, clouds and trackers), version 1</h2>
 *
 * <pre>
 * byte     version, 1
 * long     last as-of emitted, epoch milliseconds; Long.MIN_VALUE before the first emission
 * int      number of clouds, then for each: utf cloud (empty for account-wide), long first
 *          event time at which a signal named it, epoch milliseconds
 * int      number of trackers, then for each: utf key (a cloud, or * for overall), boolean
 *          armed, byte 0 or 1 then a double last score when 1, byte 0 or 1 then an instant of
 *          the last observation when 1
 * int      number of retained signals, then each signal as above, in order of arrival
 * </pre>
 *
 * <p>The layout holds signals, not KPI accumulators: accumulators are rebuilt from the signals at
 * each emission. So a chs upgrade that changes a KPI's accumulator, but not the signal records,
 * still reads savepoints of this version.
 */
public final class StateLayout {
  /** The version of both forms that this release writes and reads. */
  public static final int VERSION = 1;

  /** The most bytes of modified UTF-8 that a string of the layout can hold. */
  private static final int MAX_TEXT_BYTES = 65_535;

  private static final int SUPPORT_CASE = 1;
  private static final int WORK_ORDER = 2;
  private static final int COMPLAINT = 3;
  private static final int USAGE = 4;
  private static final int SENTIMENT = 5;
  private static final int CONTRACT = 6;
  private static final int METRIC = 7;
  private static final int RENEWAL = 8;

  private StateLayout() {}

  /**
   * Tells whether the layout can store a signal of this type.
   *
   * @param signal the signal
   * @return true for the eight signal types of chs-api
   */
  public static boolean supports(Signal signal) {
    return signal instanceof SupportCase || signal instanceof WorkOrder
        || signal instanceof Complaint || signal instanceof UsageSample
        || signal instanceof SentimentSample || signal instanceof Contract
        || signal instanceof Metric || signal instanceof RenewalOutcome;
  }

  /**
   * Checks that every string of a signal fits the layout, so that a signal that could not be kept
   * in state fails where it arrives rather than when the state is next written.
   *
   * @param signal a signal that the layout {@link #supports}
   * @throws UTFDataFormatException naming the field, if a string is longer than 65,535 bytes of
   *     modified UTF-8
   */
  public static void requireStorable(Signal signal) throws UTFDataFormatException {
    checkText("account_id", signal.account().value());
    checkText("cloud", signal.cloud().value());
    if (signal instanceof SupportCase c) {
      checkText("case_id", c.caseId());
    } else if (signal instanceof WorkOrder w) {
      checkText("work_order_id", w.workOrderId());
    } else if (signal instanceof Complaint c) {
      checkText("complaint_id", c.complaintId());
    } else if (signal instanceof Metric m) {
      checkText("metric name", m.name());
    }
  }

  static void writeTimed(TimedSignal timed, DataOutput out) throws IOException {
    out.writeByte(VERSION);
    writeSignal(timed, out);
  }

  static TimedSignal readTimed(DataInput in) throws IOException {
    requireVersion("timed signal", in.readUnsignedByte());
    return readSignal(in);
  }

  static void writeAccount(AccountState state, DataOutput out) throws IOException {
    out.writeByte(VERSION);
    out.writeLong(state.lastEmitted);
    out.writeInt(state.clouds.size());
    for (Map.Entry<String, Long> cloud : state.clouds.entrySet()) {
      writeText("cloud", cloud.getKey(), out);
      out.writeLong(cloud.getValue());
    }
    out.writeInt(state.trackers.size());
    for (Map.Entry<String, InterventionTracker.State> tracker : state.trackers.entrySet()) {
      writeTracker(tracker.getKey(), tracker.getValue(), out);
    }
    out.writeInt(state.retained.size());
    for (TimedSignal timed : state.retained) {
      writeSignal(timed, out);
    }
  }

  static AccountState readAccount(DataInput in) throws IOException {
    requireVersion("account state", in.readUnsignedByte());
    long lastEmitted = in.readLong();
    int cloudCount = readCount(in, "clouds");
    Map<String, Long> clouds = new LinkedHashMap<>();
    for (int i = 0; i < cloudCount; i++) {
      clouds.put(in.readUTF(), in.readLong());
    }
    int trackerCount = readCount(in, "trackers");
    Map<String, InterventionTracker.State> trackers = new LinkedHashMap<>();
    for (int i = 0; i < trackerCount; i++) {
      String key = in.readUTF();
      trackers.put(key, readTracker(in));
    }
    int signalCount = readCount(in, "retained signals");
    List<TimedSignal> retained = new ArrayList<>(signalCount);
    for (int i = 0; i < signalCount; i++) {
      retained.add(readSignal(in));
    }
    return new AccountState(retained, clouds, trackers, lastEmitted);
  }

  private static void writeTracker(String key, InterventionTracker.State state, DataOutput out)
      throws IOException {
    writeText("tracker key", key, out);
    out.writeBoolean(state.armed());
    out.writeByte(state.lastScore().isPresent() ? 1 : 0);
    if (state.lastScore().isPresent()) {
      out.writeDouble(state.lastScore().getAsDouble());
    }
    writeNullableInstant(state.lastObserved().orElse(null), out);
  }

  private static InterventionTracker.State readTracker(DataInput in) throws IOException {
    boolean armed = in.readBoolean();
    OptionalDouble lastScore =
        readFlag(in, "last score") ? OptionalDouble.of(in.readDouble()) : OptionalDouble.empty();
    Optional<Instant> lastObserved = Optional.ofNullable(readNullableInstant(in));
    try {
      return new InterventionTracker.State(armed, lastScore, lastObserved);
    } catch (IllegalArgumentException e) {
      throw corrupt("tracker state: " + e.getMessage());
    }
  }

  private static void writeSignal(TimedSignal timed, DataOutput out) throws IOException {
    Signal signal = timed.signal();
    requireStorable(signal);
    out.writeLong(timed.eventTime());
    out.writeByte(tagOf(signal));
    out.writeUTF(signal.account().value());
    out.writeUTF(signal.cloud().value());
    if (signal instanceof SupportCase c) {
      out.writeUTF(c.caseId());
      writeInstant(c.openedAt(), out);
      writeNullableInstant(c.closedAt(), out);
      writeNullableBoolean(c.firstContactResolution(), out);
    } else if (signal instanceof WorkOrder w) {
      out.writeUTF(w.workOrderId());
      writeInstant(w.createdAt(), out);
      writeNullableInstant(w.completedAt(), out);
      writeNullableBoolean(w.firstTimeFix(), out);
    } else if (signal instanceof Complaint c) {
      out.writeUTF(c.complaintId());
      writeInstant(c.raisedAt(), out);
    } else if (signal instanceof UsageSample u) {
      writeInstant(u.date(), out);
      out.writeLong(u.activeUsers());
      out.writeLong(u.licensedUsers());
    } else if (signal instanceof SentimentSample s) {
      writeInstant(s.observedAt(), out);
      out.writeDouble(s.score());
    } else if (signal instanceof Contract c) {
      out.writeDouble(c.arr());
      writeNullableInstant(c.renewalDate(), out);
    } else if (signal instanceof Metric m) {
      out.writeUTF(m.name());
      out.writeDouble(m.value());
    } else if (signal instanceof RenewalOutcome r) {
      writeInstant(r.renewalDate(), out);
      out.writeByte(r.outcome() == RenewalOutcome.Outcome.RENEWED ? 0 : 1);
    }
  }

  private static TimedSignal readSignal(DataInput in) throws IOException {
    long eventTime = in.readLong();
    int tag = in.readUnsignedByte();
    String accountId = in.readUTF();
    String cloudName = in.readUTF();
    try {
      AccountId account = new AccountId(accountId);
      CloudId cloud = CloudId.of(cloudName);
      return new TimedSignal(eventTime, readBody(tag, account, cloud, in));
    } catch (IllegalArgumentException e) {
      throw corrupt("signal of type " + tag + ": " + e.getMessage());
    }
  }

  private static Signal readBody(int tag, AccountId account, CloudId cloud, DataInput in)
      throws IOException {
    return switch (tag) {
      case SUPPORT_CASE -> new SupportCase(in.readUTF(), account, cloud, readInstant(in),
          readNullableInstant(in), readNullableBoolean(in));
      case WORK_ORDER -> new WorkOrder(in.readUTF(), account, cloud, readInstant(in),
          readNullableInstant(in), readNullableBoolean(in));
      case COMPLAINT -> new Complaint(in.readUTF(), account, cloud, readInstant(in));
      case USAGE -> new UsageSample(account, cloud, readInstant(in), in.readLong(), in.readLong());
      case SENTIMENT -> new SentimentSample(account, cloud, readInstant(in), in.readDouble());
      case CONTRACT -> new Contract(account, cloud, in.readDouble(), readNullableInstant(in));
      case METRIC -> new Metric(account, cloud, in.readUTF(), in.readDouble());
      case RENEWAL -> new RenewalOutcome(account, cloud, readInstant(in),
          readFlag(in, "outcome") ? RenewalOutcome.Outcome.CHURNED
              : RenewalOutcome.Outcome.RENEWED);
      default -> throw corrupt("signal type: must be 1 to 8, was " + tag);
    };
  }

  private static int tagOf(Signal signal) {
    if (signal instanceof SupportCase) {
      return SUPPORT_CASE;
    } else if (signal instanceof WorkOrder) {
      return WORK_ORDER;
    } else if (signal instanceof Complaint) {
      return COMPLAINT;
    } else if (signal instanceof UsageSample) {
      return USAGE;
    } else if (signal instanceof SentimentSample) {
      return SENTIMENT;
    } else if (signal instanceof Contract) {
      return CONTRACT;
    } else if (signal instanceof Metric) {
      return METRIC;
    } else if (signal instanceof RenewalOutcome) {
      return RENEWAL;
    }
    throw new IllegalArgumentException(
        "signal: must be one of the signal types of chs-api to be kept in Flink state, was "
            + signal.getClass().getName());
  }

  /**
   * Writes a string as {@link DataOutput#writeUTF} does, after checking its length, so that a
   * string too long for the layout is refused with its field's name rather than a bare length.
   */
  private static void writeText(String field, String value, DataOutput out) throws IOException {
    checkText(field, value);
    out.writeUTF(value);
  }

  private static void checkText(String field, String value) throws UTFDataFormatException {
    // A char takes at most 3 bytes, so only a string longer than a third of the limit is counted.
    if (value.length() > MAX_TEXT_BYTES / 3) {
      requireFits(field, value);
    }
  }

  private static void requireFits(String field, String value) throws UTFDataFormatException {
    long length = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
    }
    if (length > MAX_TEXT_BYTES) {
      throw new UTFDataFormatException(field + ": must be at most " + MAX_TEXT_BYTES
          + " bytes of modified UTF-8 to be kept in chs-flink state, was " + length
          + " bytes, starting '" + value.substring(0, 20) + "'");
    }
  }

  private static void writeInstant(Instant instant, DataOutput out) throws IOException {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  private static Instant readInstant(DataInput in) throws IOException {
    long seconds = in.readLong();
    int nanos = in.readInt();
    if (nanos < 0 || nanos > 999_999_999) {
      throw corrupt("nanoseconds: must be in [0, 999999999], was " + nanos);
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static void writeNullableInstant(@Nullable Instant instant, DataOutput out)
      throws IOException {
    out.writeByte(instant == null ? 0 : 1);
    if (instant != null) {
      writeInstant(instant, out);
    }
  }

  private static @Nullable Instant readNullableInstant(DataInput in) throws IOException {
    return readFlag(in, "instant presence") ? readInstant(in) : null;
  }

  private static void writeNullableBoolean(@Nullable Boolean value, DataOutput out)
      throws IOException {
    out.writeByte(value == null ? 0 : value ? 2 : 1);
  }

  private static @Nullable Boolean readNullableBoolean(DataInput in) throws IOException {
    int b = in.readUnsignedByte();
    return switch (b) {
      case 0 -> null;
      case 1 -> Boolean.FALSE;
      case 2 -> Boolean.TRUE;
      default -> throw corrupt("boolean?: must be 0, 1 or 2, was " + b);
    };
  }

  private static boolean readFlag(DataInput in, String what) throws IOException {
    int b = in.readUnsignedByte();
    if (b > 1) {
      throw corrupt(what + ": must be 0 or 1, was " + b);
    }
    return b == 1;
  }

  private static int readCount(DataInput in, String what) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw corrupt("number of " + what + ": must be >= 0, was " + n);
    }
    return n;
  }

  private static void requireVersion(String form, int version) throws IOException {
    if (version != VERSION) {
      throw new IOException(
          "chs-flink " + form + ": this release reads layout version " + VERSION + ", found "
              + version);
    }
  }

  private static IOException corrupt(String detail) {
    return new IOException("chs-flink state, possible corruption: " + detail);
  }
}
