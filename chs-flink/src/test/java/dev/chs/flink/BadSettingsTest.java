package dev.chs.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.signal.Signal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Settings of the operator and of the watermarks that are out of range. */
class BadSettingsTest {
  private static final Duration ENDLESS = Duration.ofSeconds(Long.MAX_VALUE);

  @Test
  @Tag("FLINK-01")
  void aNegativeLateness_isRefused_namingItsValue() {
    assertThatThrownBy(() -> HealthScoring.builder(SampleSignals.MODEL)
            .allowedLateness(Duration.ofSeconds(-1))
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("allowedLateness: must be zero or more whole milliseconds, at most "
            + "9223372036854775807, was PT-1S");
  }

  @Test
  @Tag("FLINK-01")
  void aStepOfZero_orAPartOfAMillisecond_isRefused() {
    assertThatThrownBy(() -> HealthScoring.builder(SampleSignals.MODEL)
            .emitEvery(Duration.ZERO)
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("emitEvery: must be one or more whole milliseconds, at most "
            + "9223372036854775807, was PT0S");
    assertThatThrownBy(() -> HealthScoring.builder(SampleSignals.MODEL)
            .emitEvery(Duration.ofNanos(1_500_000))
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("emitEvery: must be one or more whole milliseconds, at most "
            + "9223372036854775807, was PT0.0015S");
  }

  @Test
  @Tag("FLINK-01")
  void aRetentionShorterThanTheWindow_isRefused() {
    assertThatThrownBy(() -> HealthScoring.builder(SampleSignals.MODEL)
            .retention(Duration.ofDays(30))
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention: must be at least the model's window (PT2160H) and at most "
            + "9223372036854775807 milliseconds, was PT720H");
  }

  @Test
  @Tag("FLINK-01")
  void aDurationThatMillisecondsCannotHold_isRefusedByBuild_notByApply() {
    HealthScoring.Builder builder = HealthScoring.builder(SampleSignals.MODEL)
        .allowedLateness(ENDLESS)
        .emitEvery(ENDLESS)
        .retention(ENDLESS);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("allowedLateness: must be zero or more whole milliseconds, at most "
            + "9223372036854775807, was PT2562047788015215H30M7S; "
            + "emitEvery: must be one or more whole milliseconds, at most "
            + "9223372036854775807, was PT2562047788015215H30M7S; "
            + "retention: must be at least the model's window (PT2160H) and at most "
            + "9223372036854775807 milliseconds, was PT2562047788015215H30M7S");
  }

  @Test
  @Tag("FLINK-01")
  void theLongestDurationsMillisecondsHold_areAccepted() {
    Duration longest = Duration.ofMillis(Long.MAX_VALUE);

    HealthScoring scoring = HealthScoring.builder(SampleSignals.MODEL)
        .allowedLateness(longest)
        .emitEvery(longest)
        .retention(longest)
        .build();

    assertThat(scoring.allowedLateness()).isEqualTo(longest);
    assertThat(scoring.function()).isNotNull();
  }

  @Test
  @Tag("FLINK-02")
  void aBlankUid_isRefused() {
    assertThatThrownBy(() -> HealthScoring.builder(SampleSignals.MODEL).uid("  ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uid: must not be blank, was '  '");
  }

  @Test
  void sourcesThatAreNullOrHoldNull_areRefused_namingTheSetting() {
    Set<Class<? extends Signal>> withNull = new HashSet<>();
    withNull.add(null);

    assertThatThrownBy(() -> HealthScoring.builder(SampleSignals.MODEL).sources(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("sources: must not be null");
    assertThatThrownBy(() -> HealthScoring.builder(SampleSignals.MODEL).sources(withNull))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("sources: must not hold null, was [null]");
  }

  @Test
  @Tag("FLINK-01")
  @Tag("FLINK-02")
  void everyBadSetting_isReportedAtOnce() {
    assertThatThrownBy(() -> HealthScoring.builder(SampleSignals.MODEL)
            .allowedLateness(Duration.ofMillis(-5))
            .emitEvery(Duration.ofDays(-1))
            .retention(Duration.ZERO)
            .uid("")
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("allowedLateness: must be zero or more whole milliseconds, at most "
            + "9223372036854775807, was PT-0.005S; "
            + "emitEvery: must be one or more whole milliseconds, at most "
            + "9223372036854775807, was PT-24H; "
            + "retention: must be at least the model's window (PT2160H) and at most "
            + "9223372036854775807 milliseconds, was PT0S; "
            + "uid: must not be blank, was ''");
  }

  @Test
  @Tag("FLINK-03")
  void aNegativeOutOfOrderness_isRefused() {
    assertThatThrownBy(() -> SignalTimes.watermarks(Duration.ofMinutes(-10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outOfOrderness: must be zero or more, at most 9223372036854775807 "
            + "milliseconds, was PT-10M");
  }

  @Test
  @Tag("FLINK-03")
  void anOutOfOrdernessThatMillisecondsCannotHold_isRefused() {
    assertThatThrownBy(() -> SignalTimes.watermarks(ENDLESS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outOfOrderness: must be zero or more, at most 9223372036854775807 "
            + "milliseconds, was PT2562047788015215H30M7S");
    assertThat(SignalTimes.watermarks(Duration.ofMillis(Long.MAX_VALUE))).isNotNull();
  }
}
