package dev.chs.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NumberTextTest {
  @Test
  void of_writesShortestDigitsWithoutAnExponent() {
    assertThat(NumberText.of(0)).isEqualTo("0");
    assertThat(NumberText.of(-0.0)).isEqualTo("0");
    assertThat(NumberText.of(12_500_000)).isEqualTo("12500000");
    assertThat(NumberText.of(0.1)).isEqualTo("0.1");
    assertThat(NumberText.of(1e-5)).isEqualTo("0.00001");
    assertThat(NumberText.of(-12.5)).isEqualTo("-12.5");
    assertThat(NumberText.of(1e20)).isEqualTo("100000000000000000000");
    assertThat(NumberText.of(2.0 / 3)).isEqualTo("0.6666666666666666");
  }

  @Test
  void of_nonFinite_throws() {
    assertThatThrownBy(() -> NumberText.of(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("value: must be finite, was NaN");
    assertThatThrownBy(() -> NumberText.of(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void of_readsBackAsTheSameDouble(@ForAll double value) {
    if (!Double.isFinite(value)) {
      return;
    }
    String text = NumberText.of(value);

    assertThat(Double.parseDouble(text)).isEqualTo(value == 0 ? 0.0 : value);
    assertThat(text).doesNotContain("E").doesNotContain("e");
  }
}
