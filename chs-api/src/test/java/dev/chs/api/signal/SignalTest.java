package dev.chs.api.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignalTest {
  private static final AccountId ACME = AccountId.of("acme");
  private static final CloudId SERVICE = CloudId.of("service");
  private static final Instant T = Instant.parse("2026-06-30T00:00:00Z");

  @Test
  void rejectsACaseClosedBeforeItOpened() {
    assertThatThrownBy(() -> new SupportCase("c1", ACME, SERVICE, T, T.minusSeconds(1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "closed_at: must not be before opened_at (2026-06-30T00:00:00Z), was "
                + "2026-06-29T23:59:59Z");
  }

  @Test
  void rejectsAWorkOrderCompletedBeforeItWasCreated() {
    assertThatThrownBy(() -> new WorkOrder("w1", ACME, SERVICE, T, T.minusSeconds(60), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("completed_at: must not be before created_at");
  }

  @Test
  void rejectsEmptyIds() {
    assertThatThrownBy(() -> new SupportCase(" ", ACME, SERVICE, T, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("case_id: must not be empty, was ' '");
    assertThatThrownBy(() -> AccountId.of(""))
        .hasMessage("account_id: must not be empty, was ''");
    assertThatThrownBy(() -> new Complaint("", ACME, SERVICE, T))
        .hasMessage("complaint_id: must not be empty, was ''");
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThatThrownBy(() -> new UsageSample(ACME, SERVICE, T, -1, 10))
        .hasMessage("active_users: must be >= 0, was -1");
    assertThatThrownBy(() -> new UsageSample(ACME, SERVICE, T, 0, 0))
        .hasMessage("licensed_users: must be >= 1, was 0");
  }

  @Test
  void rejectsSentimentOutsideItsScaleAndNaN() {
    assertThatThrownBy(() -> new SentimentSample(ACME, SERVICE, T, 1.5))
        .hasMessage("score: must be in [-1.0, 1.0], was 1.5");
    assertThatThrownBy(() -> new SentimentSample(ACME, SERVICE, T, Double.NaN))
        .hasMessage("score: must be in [-1.0, 1.0], was NaN");
  }

  @Test
  void rejectsNegativeOrNonFiniteArrAndAContractWithoutCloud() {
    assertThatThrownBy(() -> new Contract(ACME, SERVICE, -1, null))
        .hasMessage("arr: must be >= 0, was -1.0");
    assertThatThrownBy(() -> new Contract(ACME, SERVICE, Double.POSITIVE_INFINITY, null))
        .hasMessage("arr: must be a finite number, was Infinity");
    assertThatThrownBy(() -> new Contract(ACME, CloudId.ACCOUNT_WIDE, 10, null))
        .hasMessage("cloud: a contract must name its cloud, was empty");
  }

  @Test
  void rejectsANonFiniteMetric() {
    assertThatThrownBy(() -> new Metric(ACME, SERVICE, "nps", Double.NaN))
        .hasMessage("nps: must be a finite number, was NaN");
  }

  @Test
  void reservesTheEmptyCloudForAccountWideSignalsAndTheStarForOverallRows() {
    assertThat(CloudId.of("")).isSameAs(CloudId.ACCOUNT_WIDE);
    assertThat(CloudId.ACCOUNT_WIDE.isAccountWide()).isTrue();
    assertThat(SERVICE.isAccountWide()).isFalse();
    assertThatThrownBy(() -> CloudId.of("*"))
        .hasMessage("cloud: must not be '*', which names an account's overall row in output");
    assertThatThrownBy(() -> CloudId.of("  "))
        .hasMessage("cloud: must be empty (account-wide) or a name, was '  '");
  }

  @Test
  void aCaseIsOpenFromItsOpeningUntilItsClosing() {
    SupportCase closed = new SupportCase("c1", ACME, SERVICE, T, T.plusSeconds(10), true);
    assertThat(closed.isOpenAt(T.minusSeconds(1))).isFalse();
    assertThat(closed.isOpenAt(T)).isTrue();
    assertThat(closed.isOpenAt(T.plusSeconds(9))).isTrue();
    assertThat(closed.isOpenAt(T.plusSeconds(10))).isFalse();
    SupportCase open = new SupportCase("c2", ACME, SERVICE, T, null, null);
    assertThat(open.isOpenAt(T.plusSeconds(1_000_000))).isTrue();
  }

  @Test
  void adoptionIsTheShareOfLicensedUsersThatWereActive() {
    assertThat(new UsageSample(ACME, SERVICE, T, 30, 40).adoption()).isEqualTo(0.75);
  }
}
