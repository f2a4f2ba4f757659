package dev.chs.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreKeyTest {
  private static final AccountId ACME = AccountId.of("acme");
  private static final AccountId GLOBEX = AccountId.of("globex");

  @Test
  void ordersByAccountThenPutsTheCloudsInOrderOfNameBeforeTheOverallScore() {
    List<ScoreKey> keys = new ArrayList<>(List.of(
        ScoreKey.overall(GLOBEX),
        ScoreKey.of(ACME, CloudId.of("service")),
        ScoreKey.overall(ACME),
        ScoreKey.of(GLOBEX, CloudId.of("sales")),
        ScoreKey.of(ACME, CloudId.of("sales"))));

    Collections.sort(keys);

    assertThat(keys).extracting(ScoreKey::toString)
        .containsExactly("acme/sales", "acme/service", "acme/*", "globex/sales", "globex/*");
  }

  @Test
  void comparesEqualOnlyToTheSameAccountAndCloud() {
    assertThat(ScoreKey.overall(ACME).compareTo(ScoreKey.overall(ACME))).isZero();
    assertThat(ScoreKey.of(ACME, CloudId.of("sales")))
        .isEqualByComparingTo(ScoreKey.of(ACME, CloudId.of("sales")));
    assertThat(ScoreKey.overall(ACME).compareTo(ScoreKey.of(ACME, CloudId.of("zeta"))))
        .isPositive();
    assertThat(ScoreKey.of(ACME, CloudId.of("zeta")).compareTo(ScoreKey.overall(ACME)))
        .isNegative();
  }
}
