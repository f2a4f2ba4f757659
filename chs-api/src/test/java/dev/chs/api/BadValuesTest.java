package dev.chs.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.KpiResult;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The entries {@code API-01} to {@code API-12} of {@code docs/bad-input.md}: bad values given to
 * the records and checks of chs-api. Each test carries its entry's id as a tag.
 */
class BadValuesTest {
  private static final AccountId ACME = AccountId.of("acme");
  private static final CloudId SERVICE = CloudId.of("service");
  private static final Instant T = Instant.parse("2026-06-30T00:00:00Z");
  private static final Window WINDOW = new Window(T, Duration.ofDays(90));

  @Test
  @Tag("API-01")
  void aNullRequiredArgumentThrowsANullPointerExceptionNamingTheField() {
    assertThatThrownBy(() -> new SupportCase("C-1", null, SERVICE, T, null, null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("account_id: must not be null");
    assertThatThrownBy(() -> new Complaint("K-1", ACME, SERVICE, null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("raised_at: must not be null");
    assertThatThrownBy(() -> new CloudId(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("cloud: must not be null");
  }

  @Test
  @Tag("API-02")
  void anEmptyOrBlankIdIsRefusedShowingTheValue() {
    assertThatThrownBy(() -> AccountId.of(" "))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("account_id: must not be empty, was ' '");
    assertThatThrownBy(() -> new WorkOrder("", ACME, SERVICE, T, null, null))
        .hasMessage("work_order_id: must not be empty, was ''");
    assertThatThrownBy(() -> new Metric(ACME, SERVICE, "\t", 1))
        .hasMessage("metric name: must not be empty, was '\t'");
    assertThatThrownBy(() -> KpiValue.Measured.of("", 1, 1))
        .hasMessage("kpi_id: must not be empty, was ''");
  }

  @Test
  @Tag("API-03")
  void aBlankOrOverallCloudNameIsRefused() {
    assertThatThrownBy(() -> CloudId.of("  "))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("cloud: must be empty (account-wide) or a name, was '  '");
    assertThatThrownBy(() -> CloudId.of("*"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("cloud: must not be '*', which names an account's overall row in output");
  }

  @Test
  @Tag("API-04")
  void aContractForTheWholeAccountIsRefused() {
    assertThatThrownBy(() -> new Contract(ACME, CloudId.ACCOUNT_WIDE, 100, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("cloud: a contract must name its cloud, was empty");
  }

  @Test
  @Tag("API-05")
  void aNumberThatIsNotFiniteIsRefusedNamingTheField() {
    assertThatThrownBy(() -> new Metric(ACME, SERVICE, "nps", Double.NaN))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("nps: must be a finite number, was NaN");
    assertThatThrownBy(() -> new Contract(ACME, SERVICE, Double.POSITIVE_INFINITY, null))
        .hasMessage("arr: must be a finite number, was Infinity");
    assertThatThrownBy(() -> KpiValue.Measured.of("sentiment", Double.NEGATIVE_INFINITY, 1))
        .hasMessage("sentiment.raw: must be a finite number, was -Infinity");
  }

  @Test
  @Tag("API-06")
  void aNegativeCountOrAmountIsRefused() {
    assertThatThrownBy(() -> new Contract(ACME, SERVICE, -1, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("arr: must be >= 0, was -1.0");
    assertThatThrownBy(() -> new UsageSample(ACME, SERVICE, T, -3, 10))
        .hasMessage("active_users: must be >= 0, was -3");
    assertThatThrownBy(() -> new UsageSample(ACME, SERVICE, T, 0, 0))
        .hasMessage("licensed_users: must be >= 1, was 0");
    assertThatThrownBy(() -> KpiValue.Measured.of("complaints_raised", 1, -1))
        .hasMessage("complaints_raised.evidence: must be >= 0, was -1");
  }

  @Test
  @Tag("API-07")
  void aValueOutsideItsClosedRangeIsRefusedShowingTheRange() {
    assertThatThrownBy(() -> new SentimentSample(ACME, SERVICE, T, 1.5))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("score: must be in [-1.0, 1.0], was 1.5");
    assertThatThrownBy(() -> new SentimentSample(ACME, SERVICE, T, Double.NaN))
        .hasMessage("score: must be in [-1.0, 1.0], was NaN");
    assertThatThrownBy(() -> new KpiResult.Scored("sentiment", 0.5, 100.5, 1, Set.of()))
        .hasMessage("sentiment.score: must be in [0.0, 100.0], was 100.5");
    assertThatThrownBy(() -> new Contribution("sentiment", 1, 1.5, 50, 50, 50))
        .hasMessage("share: must be in [0.0, 1.0], was 1.5");
  }

  @Test
  @Tag("API-08")
  void anEndBeforeItsStartIsRefusedShowingBoth() {
    assertThatThrownBy(() -> new SupportCase("C-1", ACME, SERVICE, T, T.minusSeconds(1), null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("closed_at: must not be before opened_at (2026-06-30T00:00:00Z), was "
            + "2026-06-29T23:59:59Z");
    assertThatThrownBy(() -> new WorkOrder("W-1", ACME, SERVICE, T, T.minusSeconds(60), true))
        .hasMessage("completed_at: must not be before created_at (2026-06-30T00:00:00Z), was "
            + "2026-06-29T23:59:00Z");
  }

  @Test
  @Tag("API-09")
  void aWindowOfNoLengthOrANegativeStepBackIsRefused() {
    assertThatThrownBy(() -> new Window(T, Duration.ZERO))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("window: must be longer than zero, was PT0S");
    assertThatThrownBy(() -> new Window(T, Duration.ofDays(-1)))
        .hasMessage("window: must be longer than zero, was PT-24H");
    assertThatThrownBy(() -> WINDOW.earlier(-1))
        .hasMessage("n: must be >= 0, was -1");
  }

  @Test
  @Tag("API-10")
  void aCurveOfTheWrongShapeIsRefusedNamingThePoint() {
    assertThatThrownBy(() -> new Curve.Linear(5, 5))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("best: must differ from worst (5.0), was 5.0");
    assertThatThrownBy(() -> new Curve.Piecewise(List.of(new Curve.Point(0, 0))))
        .hasMessage("points: must hold at least 2 breakpoints, was 1");
    assertThatThrownBy(() -> Curve.Piecewise.of(new Curve.Point(1, 0), new Curve.Point(1, 100)))
        .hasMessage("points[1].x: must be greater than points[0].x (1.0), was 1.0");
    assertThatThrownBy(() -> new Curve.Linear(-1e308, 1e308))
        .hasMessage("best: must lie a finite distance from worst (-1.0E308), was 1.0E308");
    assertThatThrownBy(() -> new Curve.Steps(100, List.of()))
        .hasMessage("steps: must hold at least 1 step, was 0");
    assertThatThrownBy(() -> Curve.Steps.of(100, new Curve.Step(3, 0), new Curve.Step(1, 40)))
        .hasMessage("steps[1].from: must be greater than steps[0].from (3.0), was 1.0");
    assertThatThrownBy(() -> new Curve.Point(0, 101))
        .hasMessage("score: must be in [0.0, 100.0], was 101.0");
  }

  @Test
  @Tag("API-11")
  void accumulatorStateOfAnotherKpiOrVersionOrWindowIsAnIoException() throws IOException {
    assertThatThrownBy(() -> KpiState.readHeader(header("sentiment", 1, WINDOW), "nps", 1))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("accumulator state: expected KPI 'nps', found 'sentiment'");
    assertThatThrownBy(() -> KpiState.readHeader(header("nps", 2, WINDOW), "nps", 1))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("accumulator state of 'nps': expected version 1, found version 2");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeUTF("nps");
    out.writeByte(1);
    out.writeLong(T.getEpochSecond());
    out.writeInt(0);
    out.writeLong(0);
    out.writeInt(0);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    assertThatThrownBy(() -> KpiState.readHeader(in, "nps", 1))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("accumulator state of 'nps': impossible window (possible corruption): "
            + "window: must be longer than zero, was PT0S");
  }

  @Test
  @Tag("API-12")
  void mergingAccumulatorsOfDifferentWindowsIsRefused() {
    Window earlier = WINDOW.earlier(1);
    assertThatThrownBy(() -> KpiState.requireSameWindow("nps", WINDOW, earlier))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("merge of 'nps': other accumulator's window must be " + WINDOW + ", was "
            + earlier);
  }

  private static DataInputStream header(String kpiId, int version, Window window)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    KpiState.writeHeader(new DataOutputStream(bytes), kpiId, version, window);
    return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
  }
}
