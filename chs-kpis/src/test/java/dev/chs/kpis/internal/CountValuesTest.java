package dev.chs.kpis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.kpi.KpiValue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountValuesTest {
  /** A value that shows the counts it was made of, negative ones too. */
  private static KpiValue madeOf(long first, long second, long third) {
    return new KpiValue.Measured("k", first, second, 0, Set.of("third=" + third));
  }

  private static final CountValues OF_ONE = new CountValues(1, CountValuesTest::madeOf);
  private static final CountValues OF_TWO = new CountValues(2, CountValuesTest::madeOf);
  private static final CountValues OF_THREE = new CountValues(3, CountValuesTest::madeOf);

  /** Shares the values of {@code counts} counts, counting in {@code made} the values it makes. */
  private static CountValues counting(int counts, AtomicInteger made) {
    return new CountValues(counts, (first, second, third) -> {
      made.incrementAndGet();
      return madeOf(first, second, third);
    });
  }

  @Property
  void givesTheMakersValueOfAnyCount(@ForAll @LongRange(min = -2, max = 300) long count) {
    assertThat(OF_ONE.of(count)).isEqualTo(madeOf(count, 0, 0));
  }

  @Property
  void givesTheMakersValueOfAnyCounts(
      @ForAll @LongRange(min = -2, max = 20) long first,
      @ForAll @LongRange(min = -2, max = 20) long second,
      @ForAll @LongRange(min = -2, max = 20) long third) {
    assertThat(OF_TWO.of(first, second)).isEqualTo(madeOf(first, second, 0));
    assertThat(OF_THREE.of(first, second, third)).isEqualTo(madeOf(first, second, third));
  }

  @ParameterizedTest
  @CsvSource({"1, 256", "2, 16", "3, 8"})
  void sharesTheMakersValueOfEachCombinationOfCountsBelowTheLimit(int counts, int limit) {
    assertThat(CountValues.sharedBelow(counts)).isEqualTo(limit);
    AtomicInteger made = new AtomicInteger();
    CountValues values = counting(counts, made);
    int secondBelow = counts >= 2 ? limit : 1;
    int thirdBelow = counts == 3 ? limit : 1;
    assertThat(made).hasValue(limit * secondBelow * thirdBelow);

    for (int first = 0; first < limit; first++) {
      for (int second = 0; second < secondBelow; second++) {
        for (int third = 0; third < thirdBelow; third++) {
          assertThat(values.of(first, second, third))
              .isEqualTo(madeOf(first, second, third))
              .isSameAs(values.of(first, second, third));
        }
      }
    }
    assertThat(made).hasValue(limit * secondBelow * thirdBelow);
  }

  @Test
  void makesANewValueWhenACountIsAtTheLimit_aboveIt_orNegative() {
    AtomicInteger made = new AtomicInteger();
    CountValues values = counting(3, made);
    int limit = CountValues.sharedBelow(3);
    assertThat(made).hasValue(limit * limit * limit);
    made.set(0);

    assertThat(values.of(limit, 0, 0)).isEqualTo(madeOf(limit, 0, 0));
    assertThat(values.of(0, limit, 0)).isEqualTo(madeOf(0, limit, 0));
    assertThat(values.of(0, 0, limit)).isEqualTo(madeOf(0, 0, limit));
    assertThat(values.of(Long.MAX_VALUE, 1, 1)).isEqualTo(madeOf(Long.MAX_VALUE, 1, 1));
    assertThat(values.of(-1, 1, 1)).isEqualTo(madeOf(-1, 1, 1));
    assertThat(made).hasValue(5);
  }

  @Test
  void sharesNoValueForCountsAKpiDoesNotHave() {
    AtomicInteger made = new AtomicInteger();
    CountValues values = counting(1, made);
    assertThat(made).hasValue(CountValues.sharedBelow(1));
    made.set(0);

    // A KPI of one count has no second one; a value of one is made, not read past the table.
    assertThat(values.of(2, 1)).isEqualTo(madeOf(2, 1, 0));
    assertThat(made).hasValue(1);
  }

  @Test
  void refusesToShareTheValuesOfNoneOrMoreThanThreeCounts() {
    assertThatThrownBy(() -> new CountValues(0, CountValuesTest::madeOf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts: must be 1, 2 or 3, was 0");
    assertThatThrownBy(() -> new CountValues(4, CountValuesTest::madeOf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts: must be 1, 2 or 3, was 4");
  }
}
