package dev.chs.learn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded, stratified assignment of rows to folds. */
public final class Folds {
  private Folds() {}

  /**
   * Returns the fold of each row, from 0 to {@code k - 1}: the rows of each class are shuffled
   * with the seed and dealt round-robin, so each fold holds each class in nearly equal numbers
   * (they differ by at most one).
   */
  public static int[] stratified(boolean[] label, int k, long seed) {
    int[] fold = new int[label.length];
    SplittableRandom random = new SplittableRandom(seed);
    int offset = 0;
    for (boolean cls : new boolean[] {false, true}) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < label.length; i++) {
        if (label[i] == cls) {
          members.add(i);
        }
      }
      // Fisher-Yates with the seeded generator.
      for (int i = members.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Integer swap = members.get(i);
        members.set(i, members.get(j));
        members.set(j, swap);
      }
      for (int i = 0; i < members.size(); i++) {
        fold[members.get(i)] = (offset + i) % k;
      }
      // Continue the deal where this class stopped, so fold sizes stay balanced too.
      offset = (offset + members.size()) % k;
    }
    return fold;
  }

  /** Returns the positions whose fold is (or, with {@code in} false, is not) {@code f}. */
  public static int[] select(int[] fold, int f, boolean in) {
    int count = 0;
    for (int v : fold) {
      count += (v == f) == in ? 1 : 0;
    }
    int[] positions = new int[count];
    int n = 0;
    for (int i = 0; i < fold.length; i++) {
      if ((fold[i] == f) == in) {
        positions[n++] = i;
      }
    }
    return positions;
  }
}
