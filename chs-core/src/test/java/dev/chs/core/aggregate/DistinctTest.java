package dev.chs.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DistinctTest {
  @Test
  void findsNoRepeatAmongDistinctKeys() {
    assertThat(Distinct.firstRepeated(List.of(), Function.identity())).isEqualTo(-1);
    assertThat(Distinct.firstRepeated(List.of("a", "b", "c"), Function.identity())).isEqualTo(-1);
  }

  @Test
  void returnsTheFirstEntryWhoseKeyCameBefore() {
    // "ax" repeats the key 'a' at index 2; "bx" repeats 'b' later, at index 3.
    List<String> entries = List.of("a", "b", "ax", "bx");

    assertThat(Distinct.firstRepeated(entries, s -> s.charAt(0))).isEqualTo(2);
  }

  @Test
  void findsTheSameRepeatInALongList() {
    // Longer than the pairwise check handles: 0..39, then 7 again at index 40 and 3 at 41.
    List<Integer> entries = IntStream.concat(IntStream.range(0, 40), IntStream.of(7, 3))
        .boxed().toList();

    assertThat(Distinct.firstRepeated(entries, Function.identity())).isEqualTo(40);
    assertThat(Distinct.firstRepeated(entries.subList(0, 40), Function.identity())).isEqualTo(-1);
  }
}
