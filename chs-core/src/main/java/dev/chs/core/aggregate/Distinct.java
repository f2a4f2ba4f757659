package dev.chs.core.aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the first entry of a list whose key an earlier entry already has, without allocating for
 * the short lists of KPI values and clouds that results are made of.
 */
final class Distinct {
  /** Lists up to this long are checked pair by pair; longer ones with a hash set. */
  private static final int SHORT = 16;

  private Distinct() {}

  /**
   * Returns the index of the first entry whose key equals that of an entry before it, or -1 if
   * the keys are distinct.
   */
  static <T> int firstRepeated(List<T> entries, Function<? super T, ?> key) {
    int size = entries.size();
    if (size > SHORT) {
      Set<Object> seen = new HashSet<>();
      for (int j = 0; j < size; j++) {
        if (!seen.add(key.apply(entries.get(j)))) {
          return j;
        }
      }
      return -1;
    }
    for (int j = 1; j < size; j++) {
      Object mine = key.apply(entries.get(j));
      for (int i = 0; i < j; i++) {
        if (mine.equals(key.apply(entries.get(i)))) {
          return j;
        }
      }
    }
    return -1;
  }
}
