package dev.chs.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsAndBandsTest {
  @Test
  void idsOrderByTheirValueAndPrintAsIt() {
    assertThat(List.of(AccountId.of("b-2"), AccountId.of("a-10"), AccountId.of("a-9")).stream()
            .sorted().map(AccountId::toString))
        .containsExactly("a-10", "a-9", "b-2");
    assertThat(List.of(CloudId.of("service"), CloudId.of("sales")).stream()
            .sorted().map(CloudId::toString))
        .containsExactly("sales", "service");
  }

  @Test
  void onlyTheAtRiskAndCriticalBandsHoldExposedRevenue() {
    assertThat(Arrays.stream(Band.values()).filter(Band::isExposed))
        .containsExactlyInAnyOrder(Band.AT_RISK, Band.CRITICAL);
  }
}
