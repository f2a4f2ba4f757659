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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
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
  void anotherLayoutVersion_isRefused_namingBothVersions() {
    byte[] bytes = new byte[] {2, 0, 0, 0};
    assertThatThrownBy(() -> TimedSignalSerializer.INSTANCE.deserialize(
            new DataInputDeserializer(bytes)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("reads layout version 1, found 2");
  }

  @Test
  void snapshotOfTheSameVersion_isCompatibleAsIs() throws IOException {
    assertCompatibleAfterRoundTrip(AccountStateSerializer.INSTANCE);
    assertCompatibleAfterRoundTrip(TimedSignalSerializer.INSTANCE);
  }

  @Test
  void snapshotOfAnotherForm_isIncompatible() {
    TypeSerializerSnapshot<AccountState> account =
        AccountStateSerializer.INSTANCE.snapshotConfiguration();
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeSerializerSnapshot<AccountState> other =
        (TypeSerializerSnapshot) TimedSignalSerializer.INSTANCE.snapshotConfiguration();

    assertThat(account.resolveSchemaCompatibility(other).isIncompatible()).isTrue();
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
