package dev.chs.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiResult;
import dev.chs.api.kpi.KpiValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandedOverListTest {
  private static final KpiResult A = new KpiValue.NotApplicable("a", "none");
  private static final KpiResult B = new KpiValue.NotApplicable("b", "none");

  @Test
  void readsTheArrayItWasGivenAndEqualsAnyListOfTheSameElements() {
    List<KpiResult> list = HandedOverList.of(new KpiResult[] {A, B});

    assertThat(list).containsExactly(A, B).isEqualTo(List.of(A, B));
    assertThat(list.hashCode()).isEqualTo(List.of(A, B).hashCode());
    assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void cannotBeChanged() {
    List<KpiResult> list = HandedOverList.of(new KpiResult[] {A});

    assertThatThrownBy(() -> list.add(B)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.set(0, B)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsANullElementNamingItsIndex() {
    assertThatThrownBy(() -> HandedOverList.of(new KpiResult[] {A, null}))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("elements[1]: must not be null");
  }

  @Test
  void resultsKeepAHandedOverListAndCopyAnyOther() {
    List<KpiResult> handedOver = HandedOverList.of(new KpiResult[] {A});
    List<KpiResult> mutable = new ArrayList<>(List.of(A));

    HealthScore.InsufficientData kept = new HealthScore.InsufficientData(
        AccountId.of("acme"), CloudId.of("sales"), 0, 0.5, handedOver);
    HealthScore.InsufficientData copied = new HealthScore.InsufficientData(
        AccountId.of("acme"), CloudId.of("sales"), 0, 0.5, mutable);
    mutable.add(B);

    assertThat(kept.kpis()).isSameAs(handedOver);
    assertThat(copied.kpis()).containsExactly(A);
  }
}
