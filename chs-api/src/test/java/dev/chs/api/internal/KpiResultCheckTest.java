package dev.chs.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.kpi.KpiValue;
import org.junit.jupiter.api.Test;

class KpiResultCheckTest {
  @Test
  void passesAValueOfTheKpiThrough() {
    KpiValue value = KpiValue.Measured.of("open_support_cases", 3, 5);

    assertThat(KpiResultCheck.requireValueOf("open_support_cases", value)).isSameAs(value);
  }

  @Test
  void refusesANullResult() {
    assertThatThrownBy(() -> KpiResultCheck.requireValueOf("open_support_cases", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("result: must not be null");
  }

  @Test
  void refusesAValueOfAnotherKpiNamingBoth() {
    KpiValue other = new KpiValue.NotApplicable("sentiment", "no samples");

    assertThatThrownBy(() -> KpiResultCheck.requireValueOf("open_support_cases", other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("result: must be a value of KPI 'open_support_cases', was a value of KPI"
            + " 'sentiment'");
  }
}
