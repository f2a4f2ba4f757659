package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.learn.internal.Folds;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FoldsTest {
  @Property(tries = 200)
  void stratifiedFoldsKeepTheClassRatio(
      @ForAll @Size(min = 10, max = 300) List<Boolean> labels,
      @ForAll @IntRange(min = 2, max = 10) int k,
      @ForAll long seed) {
    boolean[] label = new boolean[labels.size()];
    for (int i = 0; i < label.length; i++) {
      label[i] = labels.get(i);
    }

    int[] fold = Folds.stratified(label, k, seed);

    // Each class is dealt round-robin, so its count per fold differs by at most one.
    for (boolean cls : new boolean[] {false, true}) {
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int f = 0; f < k; f++) {
        int count = 0;
        for (int i = 0; i < label.length; i++) {
          count += fold[i] == f && label[i] == cls ? 1 : 0;
        }
        min = Math.min(min, count);
        max = Math.max(max, count);
      }
      assertThat(max - min).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void theSameSeedGivesTheSameFolds() {
    boolean[] label = new boolean[100];
    for (int i = 0; i < label.length; i += 7) {
      label[i] = true;
    }

    assertThat(Folds.stratified(label, 5, 7)).containsExactly(Folds.stratified(label, 5, 7));
    assertThat(Folds.stratified(label, 5, 7)).isNotEqualTo(Folds.stratified(label, 5, 8));
  }
}
