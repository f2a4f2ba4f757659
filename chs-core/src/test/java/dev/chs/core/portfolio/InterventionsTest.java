package dev.chs.core.portfolio;

import static dev.chs.core.portfolio.Portfolio.SALES;
import static dev.chs.core.portfolio.Portfolio.SERVICE;
import static dev.chs.core.portfolio.Portfolio.account;
import static dev.chs.core.portfolio.Portfolio.cloud;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.AccountId;
import dev.chs.core.model.InterventionPolicy;
import dev.chs.core.score.AccountHealth;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class InterventionsTest {
  private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");
  private static final Instant T3 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant T4 = Instant.parse("2026-04-01T00:00:00Z");

  // acme:   T1 sales 300 @ 70, service 100 @ 60: overall 0.75 * 70 + 0.25 * 60 = 67.5.
  //         T2 sales 300 @ 40, service 100 @ 60: overall 0.75 * 40 + 0.25 * 60 = 45. Sales fires
  //         (fell 30) and so does the overall (fell 22.5). T3 sales 40, no service: nothing.
  // globex: T1 sales 100 @ 30: a first observation below 50, so sales and overall fire.
  //         T2 35: disarmed. T3 56: re-armed. T4 49: sales and overall fire again.
  private final List<List<AccountHealth>> snapshots = List.of(
      List.of(account("globex", T1, cloud(SALES, 100, 30)),
          account("acme", T1, cloud(SALES, 300, 70), cloud(SERVICE, 100, 60))),
      List.of(account("acme", T2, cloud(SALES, 300, 40), cloud(SERVICE, 100, 60)),
          account("globex", T2, cloud(SALES, 100, 35))),
      List.of(account("acme", T3, cloud(SALES, 300, 40)),
          account("globex", T3, cloud(SALES, 100, 56))),
      List.of(account("globex", T4, cloud(SALES, 100, 49))));

  @Test
  void firesInOrderOfTimeThenAccountWithCloudsBeforeTheOverallScore() {
    List<Intervention> events = Interventions.of(snapshots, InterventionPolicy.DEFAULT);

    assertThat(events).extracting(e -> e.key().toString() + " " + e.asOf()).containsExactly(
        "globex/sales " + T1, "globex/* " + T1,
        "acme/sales " + T2, "acme/* " + T2,
        "globex/sales " + T4, "globex/* " + T4);
  }

  @Test
  void aCloudEventNamesTheKpisThatLostTheCloudItsPoints() {
    Intervention sales = Interventions.of(snapshots, InterventionPolicy.DEFAULT).get(2);

    // acme's sales health scored 40 at T2, so it lost 100 - 40 = 60 points at share 1.
    assertThat(sales.key()).isEqualTo(ScoreKey.of(AccountId.of("acme"), SALES));
    assertThat(sales.topDetractors()).containsExactly(new Detractor(SALES, "health", 40, 60));
  }

  @Test
  void anOverallEventWeighsEachCloudsDetractorsByTheCloudsShare() {
    Intervention overall = Interventions.of(snapshots, InterventionPolicy.DEFAULT).get(3);

    // sales' health lost 100 - 40 = 60 at share 0.75: 45; service's lost 40 at 0.25: 10.
    // 45 + 10 = 55 = 100 - 45.
    assertThat(overall.key()).isEqualTo(ScoreKey.overall(AccountId.of("acme")));
    assertThat(overall.score()).isEqualTo(45);
    assertThat(overall.previousScore()).hasValue(67.5);
    assertThat(overall.fall()).hasValue(22.5);
    assertThat(overall.topDetractors()).hasSize(2);
    assertThat(overall.topDetractors().get(0).cloud()).isEqualTo(SALES);
    assertThat(overall.topDetractors().get(0).pointsLost()).isCloseTo(45, within(1e-9));
    assertThat(overall.topDetractors().get(1).cloud()).isEqualTo(SERVICE);
    assertThat(overall.topDetractors().get(1).pointsLost()).isCloseTo(10, within(1e-9));
  }

  @Test
  @Tag("API-25")
  void rejectsAnAccountTwiceInOneSnapshot() {
    AccountHealth acme = account("acme", T1, cloud(SALES, 1, 80));

    assertThatThrownBy(() -> Interventions.of(
            List.of(List.of(acme, acme)), InterventionPolicy.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("snapshots[0]: each account at most once expected, 'acme' appears twice");
  }
}
