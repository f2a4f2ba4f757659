package dev.chs.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Signals whose event time cannot be read: of another type, or too far from the epoch. */
class SignalTimesTest {
  private static final AccountId ACCOUNT = AccountId.of("A-1");
  private static final CloudId SALES = CloudId.of("sales");
  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  /** A signal type of a plugin's own, which chs-flink cannot time or keep. */
  record PluginSignal(AccountId account, CloudId cloud) implements Signal {}

  @Test
  @Tag("FLINK-04")
  void aSignalOfAnotherType_hasNoEventTime() {
    assertThatThrownBy(() -> SignalTimes.eventTime(new PluginSignal(ACCOUNT, SALES)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signal: must be one of the signal types of chs-api, was "
            + PluginSignal.class.getName());
  }

  @Test
  @Tag("FLINK-04")
  void aSignalOfAnotherType_failsTheJob_namingItsClass() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    List<Signal> stream = List.of(new SentimentSample(ACCOUNT, SALES, T, 0.5),
        new PluginSignal(ACCOUNT, SALES));
    HealthScoring.builder(SampleSignals.MODEL).build()
        .apply(env.fromData(stream, TypeInformation.of(Signal.class)))
        .scores().sinkTo(CollectingSink.named("plugin-signal"));

    assertThatThrownBy(() -> LocalCluster.execute(env))
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signal: must be one of the signal types of chs-api to be scored on Flink,"
            + " was " + PluginSignal.class.getName());
  }

  @Test
  @Tag("FLINK-05")
  void anInstantThatMillisecondsCannotHold_isRefused_namingItsField() {
    assertThatThrownBy(() -> SignalTimes.eventTime(
            new SupportCase("C-1", ACCOUNT, SALES, T, Instant.MAX, true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("closed_at: must be an instant that a long of epoch milliseconds holds"
            + " (about 292 million years either side of 1970), was"
            + " +1000000000-12-31T23:59:59.999999999Z");
    assertThatThrownBy(() -> SignalTimes.eventTime(
            new WorkOrder("W-1", ACCOUNT, SALES, Instant.MIN, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("created_at: must be an instant that a long of epoch")
        .hasMessageEndingWith("was -1000000000-01-01T00:00:00Z");
  }

  @Test
  @Tag("FLINK-05")
  void theWatermarks_refuseSuchAnInstant_asTheyTimestampTheSignal() {
    TimestampAssigner<Signal> assigner =
        SignalTimes.watermarks(Duration.ZERO).createTimestampAssigner(null);
    Signal usage = new UsageSample(ACCOUNT, SALES, Instant.MAX, 3, 10);

    assertThatThrownBy(() -> assigner.extractTimestamp(usage, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("date: must be an instant that a long of epoch milliseconds")
        .hasCauseInstanceOf(ArithmeticException.class);
    assertThat(assigner.extractTimestamp(new UsageSample(ACCOUNT, SALES, T, 3, 10), 0))
        .isEqualTo(T.toEpochMilli());
  }
}
