package dev.chs.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FirstSeenLinesTest {
  @Test
  void remembersTheFirstLineOfEachHashAcrossGrowth() {
    FirstSeenLines table = new FirstSeenLines();
    for (int i = 0; i < 100_000; i++) {
      assertThat(table.putIfAbsent(FirstSeenLines.hash("C-" + i), i + 2)).isEqualTo(-1);
    }
    assertThat(table.size()).isEqualTo(100_000);
    assertThat(table.putIfAbsent(FirstSeenLines.hash("C-77"), 500_000)).isEqualTo(79);
    assertThat(table.putIfAbsent(FirstSeenLines.hash("C-77"), 500_001)).isEqualTo(79);

    table.clear();
    assertThat(table.putIfAbsent(FirstSeenLines.hash("C-77"), 3)).isEqualTo(-1);
  }

  @Test
  void keepsThePartsOfACompositeKeyApart() {
    long ab = FirstSeenLines.add(FirstSeenLines.hash("ab"), "c");
    long a = FirstSeenLines.add(FirstSeenLines.hash("a"), "bc");
    assertThat(ab).isNotEqualTo(a);
  }

  @Test
  void givesDistinctHashesToAMillionSimilarIds() {
    Set<Long> hashes = new HashSet<>();
    for (int i = 0; i < 1_000_000; i++) {
      hashes.add(FirstSeenLines.hash("A-" + (10_000_000 + i)));
    }
    assertThat(hashes).hasSize(1_000_000);
  }

  @Test
  void remembersLinesBeyondTwoBillion() {
    FirstSeenLines table = new FirstSeenLines();
    table.putIfAbsent(1, 3_000_000_000L);
    table.putIfAbsent(2, 5_000_000_000L);
    assertThat(table.putIfAbsent(1, 3_000_000_001L)).isEqualTo(3_000_000_000L);
    assertThat(table.putIfAbsent(2, 5_000_000_001L)).isZero();
  }
}
