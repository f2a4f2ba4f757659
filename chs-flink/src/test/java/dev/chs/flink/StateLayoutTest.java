package dev.chs.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.chs.flink.internal.AccountState;
import dev.chs.flink.internal.AccountStateSerializer;
import dev.chs.flink.internal.StateLayoutFixtures;
import dev.chs.flink.internal.TimedSignal;
import dev.chs.flink.internal.TimedSignalSerializer;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The state layout, version 1: golden bytes, round trips and snapshot compatibility. */
class StateLayoutTest {
  private static final AccountId ACCOUNT = AccountId.of("A-0001");
  private static final CloudId SALES = CloudId.of("sales");
  private static final Instant T = Instant.parse("2026-05-04T03:02:01.123456789Z");

  /** One signal of each type, with the nullable fields both set and unset. */
  static final List<Signal> SIGNALS = List.of(
      new SupportCase("C-1", ACCOUNT, SALES, T, T.plusSeconds(60), true),
      new SupportCase("C-2", ACCOUNT, CloudId.ACCOUNT_WIDE, T, null, null),
      new WorkOrder("W-1", ACCOUNT, SALES, T, T.plusSeconds(5), false),
      new Complaint("K-1", ACCOUNT, SALES, T),
      new UsageSample(ACCOUNT, SALES, T, 12, 40),
      new SentimentSample(ACCOUNT, SALES, T, -0.25),
      new Contract(ACCOUNT, SALES, 187_700.5, null),
      new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, "nps", -33),
      new RenewalOutcome(ACCOUNT, SALES, T, RenewalOutcome.Outcome.CHURNED));

  @Test
  void everySignalType_roundTrips() throws IOException {
    for (Signal signal : SIGNALS) {
      TimedSignal timed = new TimedSignal(SignalTimes.eventTime(signal), signal);
      assertThat(roundTrip(TimedSignalSerializer.INSTANCE, timed)).isEqualTo(timed);
    }
  }

  @Test
  void accountState_readsGoldenBytesOfVersion1() throws IOException {
    AccountState state = StateLayoutFixtures.account(SIGNALS);
    byte[] golden = golden("account-state-v1.hex");

    assertThat(HexFormat.of().formatHex(write(AccountStateSerializer.INSTANCE, state)))
        .isEqualTo(HexFormat.of().formatHex(golden));
    assertThat(AccountStateSerializer.INSTANCE.deserialize(new DataInputDeserializer(golden)))
        .isEqualTo(state);
  }

  @Test
  void timedSignal_readsGoldenBytesOfVersion1() throws IOException {
    Signal signal = SIGNALS.get(0);
    TimedSignal timed = new TimedSignal(SignalTimes.eventTime(signal), signal);
    byte[] golden = golden("timed-signal-v1.hex");

    assertThat(write(TimedSignalSerializer.INSTANCE, timed)).isEqualTo(golden);
    assertThat(TimedSignalSerializer.INSTANCE.deserialize(new DataInputDeserializer(golden)))
        .isEqualTo(timed);
  }

  @Test
  @Tag("FLINK-10")
  void anotherLayoutVersion_isRefused_namingBothVersions() {
    byte[] bytes = new byte[] {2, 0, 0, 0};
    assertThatThrownBy(() -> TimedSignalSerializer.INSTANCE.deserialize(
            new DataInputDeserializer(bytes)))
        .isInstanceOf(IOException.class)
        .hasMessage("chs-flink timed signal: this release reads layout version 1, found 2");
  }

  @Test
  @Tag("FLINK-10")
  void accountStateOfAnotherLayoutVersion_isRefused_namingBothVersions() throws IOException {
    byte[] bytes = golden("account-state-v1.hex");
    bytes[0] = 0;

    assertThatThrownBy(() -> read(AccountStateSerializer.INSTANCE, bytes))
        .isInstanceOf(IOException.class)
        .hasMessage("chs-flink account state: this release reads layout version 1, found 0");
  }

  @Test
  void snapshotOfTheSameVersion_isCompatibleAsIs() throws IOException {
    assertCompatibleAfterRoundTrip(AccountStateSerializer.INSTANCE);
    assertCompatibleAfterRoundTrip(TimedSignalSerializer.INSTANCE);
  }

  @Test
  @Tag("FLINK-11")
  void snapshotOfAnotherLayoutVersion_isIncompatible() throws IOException {
    AccountStateSerializer.Snapshot old = new AccountStateSerializer.Snapshot();
    DataOutputSerializer out = new DataOutputSerializer(8);
    out.writeInt(2);
    old.readSnapshot(1, new DataInputDeserializer(out.getCopyOfBuffer()), loader());

    assertThat(AccountStateSerializer.INSTANCE.snapshotConfiguration()
            .resolveSchemaCompatibility(old).isIncompatible())
        .isTrue();
  }

  @Test
  @Tag("FLINK-11")
  void snapshotOfAnotherSnapshotVersion_isRefused_namingBothVersions() {
    TimedSignalSerializer.Snapshot snapshot = new TimedSignalSerializer.Snapshot();

    assertThatThrownBy(() -> snapshot.readSnapshot(
            2, new DataInputDeserializer(new byte[] {0, 0, 0, 1}), loader()))
        .isInstanceOf(IOException.class)
        .hasMessage("dev.chs.flink.internal.TimedSignalSerializer$Snapshot: reads snapshot"
            + " version 1, found 2");
  }

  @Test
  @Tag("FLINK-11")
  void snapshotOfAnotherForm_isIncompatible() {
    TypeSerializerSnapshot<AccountState> account =
        AccountStateSerializer.INSTANCE.snapshotConfiguration();
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeSerializerSnapshot<AccountState> other =
        (TypeSerializerSnapshot) TimedSignalSerializer.INSTANCE.snapshotConfiguration();

    assertThat(account.resolveSchemaCompatibility(other).isIncompatible()).isTrue();
  }

  /** Offsets in the golden timed signal, a closed support case of account A-0001, cloud sales. */
  private static final int TYPE = 9;
  private static final int OPENED_NANOS = 38;
  private static final int CLOSED_PRESENT = 42;
  private static final int CLOSED_SECONDS = 43;

  @Test
  @Tag("FLINK-12")
  void damagedBytes_areRefused_asPossibleCorruption() throws IOException {
    byte[] golden = golden("timed-signal-v1.hex");

    byte[] type = golden.clone();
    type[TYPE] = 9;
    assertCorrupt(type, "signal type: must be 1 to 8, was 9");
    byte[] nanos = golden.clone();
    Arrays.fill(nanos, OPENED_NANOS, OPENED_NANOS + 4, (byte) 0xff);
    assertCorrupt(nanos, "nanoseconds: must be in [0, 999999999], was -1");
    byte[] presence = golden.clone();
    presence[CLOSED_PRESENT] = 5;
    assertCorrupt(presence, "instant presence: must be 0 or 1, was 5");

    byte[] count = golden("account-state-v1.hex");
    Arrays.fill(count, 9, 13, (byte) 0xff);
    assertThatThrownBy(() -> read(AccountStateSerializer.INSTANCE, count))
        .isInstanceOf(IOException.class)
        .hasMessage("chs-flink state, possible corruption: number of clouds: must be >= 0, was -1");
  }

  @Test
  @Tag("FLINK-12")
  void bytesOfASignalItsRecordRefuses_areRefused_asPossibleCorruption() throws IOException {
    byte[] closedAtTheEpoch = golden("timed-signal-v1.hex");
    Arrays.fill(closedAtTheEpoch, CLOSED_SECONDS, CLOSED_SECONDS + 8, (byte) 0);

    assertThatThrownBy(() -> read(TimedSignalSerializer.INSTANCE, closedAtTheEpoch))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("chs-flink state, possible corruption: signal of type 1:"
            + " closed_at: must not be before opened_at (2026-05-04T03:02:01.123456789Z), was"
            + " 1970-01-01T00:00:00");
  }

  @Test
  @Tag("FLINK-12")
  void truncatedBytes_areAnEndOfFile_andAnEmptyId_isPossibleCorruption() throws IOException {
    byte[] golden = golden("timed-signal-v1.hex");
    byte[] truncated = Arrays.copyOf(golden, golden.length - 1);
    assertThatThrownBy(() -> read(TimedSignalSerializer.INSTANCE, truncated))
        .isInstanceOf(EOFException.class);

    // The account id, "A-0001", shortened to nothing: its length is 0, then the cloud follows.
    byte[] emptyAccount = new byte[golden.length - 6];
    System.arraycopy(golden, 0, emptyAccount, 0, 10);
    System.arraycopy(golden, 18, emptyAccount, 12, golden.length - 18);
    assertThatThrownBy(() -> read(TimedSignalSerializer.INSTANCE, emptyAccount))
        .isInstanceOf(IOException.class)
        .hasMessage("chs-flink state, possible corruption: signal of type 1: account_id: must not"
            + " be empty, was ''");
  }

  @Test
  @Tag("FLINK-13")
  void anIdTooLongForTheLayout_isRefusedWhenWritten_namingItsField() {
    String id = "K-" + "x".repeat(70_000);
    Signal complaint = new Complaint(id, ACCOUNT, SALES, T);

    assertThatThrownBy(() -> write(TimedSignalSerializer.INSTANCE,
            new TimedSignal(SignalTimes.eventTime(complaint), complaint)))
        .isInstanceOf(UTFDataFormatException.class)
        .hasMessage("complaint_id: must be at most 65535 bytes of modified UTF-8 to be kept in"
            + " chs-flink state, was 70002 bytes, starting 'K-xxxxxxxxxxxxxxxxxx'");
  }

  @Test
  @Tag("FLINK-13")
  void aCloudNameTooLongForTheLayout_countsBytes_notCharacters() {
    CloudId cloud = CloudId.of("\u00e9".repeat(40_000));
    Signal usage = new UsageSample(ACCOUNT, cloud, T, 1, 2);

    assertThatThrownBy(() -> write(AccountStateSerializer.INSTANCE,
            StateLayoutFixtures.account(List.of(usage))))
        .isInstanceOf(UTFDataFormatException.class)
        .hasMessageStartingWith("cloud: must be at most 65535 bytes of modified UTF-8 to be kept"
            + " in chs-flink state, was 80000 bytes, starting '\u00e9\u00e9");
    assertThat(SignalTimes.eventTime(usage)).isEqualTo(T.toEpochMilli());
  }

  @Test
  @Tag("FLINK-13")
  void aSignalWithAnIdTooLongForTheLayout_failsTheJobWhereItArrives() {
    Signal complaint = new Complaint("K-" + "x".repeat(70_000), ACCOUNT, SALES, T);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    HealthScoring.builder(SampleSignals.MODEL).build()
        .apply(env.fromData(List.of(complaint), TypeInformation.of(Signal.class)))
        .scores().sinkTo(CollectingSink.named("too-long-id"));

    assertThatThrownBy(() -> LocalCluster.execute(env))
        .rootCause()
        .isInstanceOf(UTFDataFormatException.class)
        .hasMessageStartingWith("complaint_id: must be at most 65535 bytes of modified UTF-8 to"
            + " be kept in chs-flink state, was 70002 bytes");
  }

  private static void assertCorrupt(byte[] bytes, String detail) {
    assertThatThrownBy(() -> read(TimedSignalSerializer.INSTANCE, bytes))
        .isInstanceOf(IOException.class)
        .hasMessage("chs-flink state, possible corruption: " + detail);
  }

  private static <T> T read(TypeSerializer<T> serializer, byte[] bytes) throws IOException {
    return serializer.deserialize(new DataInputDeserializer(bytes));
  }

  private static ClassLoader loader() {
    return StateLayoutTest.class.getClassLoader();
  }

  private static <T> void assertCompatibleAfterRoundTrip(TypeSerializer<T> serializer)
      throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
    TypeSerializerSnapshot<T> old = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), StateLayoutTest.class.getClassLoader());

    TypeSerializerSchemaCompatibility<T> compatibility =
        serializer.snapshotConfiguration().resolveSchemaCompatibility(old);
    assertThat(compatibility.isCompatibleAsIs()).isTrue();
    assertThat(old.restoreSerializer()).isEqualTo(serializer);
  }

  private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
    return serializer.deserialize(new DataInputDeserializer(write(serializer, value)));
  }

  private static <T> byte[] write(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return out.getCopyOfBuffer();
  }

  private static byte[] golden(String name) throws IOException {
    try (InputStream in = StateLayoutTest.class.getResourceAsStream("golden/" + name)) {
      if (in == null) {
        throw new IOException("missing golden file " + name);
      }
      String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }
  }
}
