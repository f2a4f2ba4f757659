package dev.chs.kpis;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The distinct complaint ids of one pair, in the store of {@link ComplaintsRaised} or in one of its
 * accumulators, held in one reference, so that a pair with no complaint costs a null slot and a
 * pair with one costs only the slot beside the id its signal brought. A slot holds one of:
 *
 * <ul>
 *   <li>{@code null}: no id;
 *   <li>a {@link String}: that one id;
 *   <li>a {@code String[]} of 2 to {@link #MAX_SORTED_ARRAY} ids, distinct and in ascending order
 *       of {@link String#compareTo}. An array is never changed once it is in a slot, so slots may
 *       share it, and adding an id makes a new one;
 *   <li>a {@link ManyIds}: more ids, in a set that one slot alone owns and changes in place.
 * </ul>
 *
 * <p>Ascending order is the order in which the accumulator keeps and writes the ids, so an array
 * is found by binary search and merged with another in one pass. Each method returns what the
 * slot holds afterwards. Not thread-safe.
 */
final class ComplaintIds {
  /**
   * The most ids a slot keeps in a sorted array. Adding one copies the array, which costs little
   * up to a few dozen ids; beyond that a tree adds in logarithmic time.
   */
  static final int MAX_SORTED_ARRAY = 16;

  private ComplaintIds() {}

  /** Many ids in a set that only the slot holding this object refers to. */
  private static final class ManyIds {
    final SortedSet<String> ids;

    ManyIds(SortedSet<String> ids) {
      this.ids = ids;
    }
  }

  /** Returns the slot that holds the ids of {@code slot} and {@code id}. */
  static Object with(@Nullable Object slot, String id) {
    if (slot == null) {
      return id;
    }
    if (slot instanceof String one) {
      int order = one.compareTo(id);
      if (order == 0) {
        return one;
      }
      return order < 0 ? new String[] {one, id} : new String[] {id, one};
    }
    if (slot instanceof String[] few) {
      return withInArray(few, id);
    }
    ManyIds many = (ManyIds) slot;
    many.ids.add(id);
    return many;
  }

  private static Object withInArray(String[] few, String id) {
    int at = Arrays.binarySearch(few, id);
    if (at >= 0) {
      return few;
    }
    if (few.length == MAX_SORTED_ARRAY) {
      ManyIds many = new ManyIds(new TreeSet<>(Arrays.asList(few)));
      many.ids.add(id);
      return many;
    }
    int insertAt = -at - 1;
    String[] more = new String[few.length + 1];
    System.arraycopy(few, 0, more, 0, insertAt);
    more[insertAt] = id;
    System.arraycopy(few, insertAt, more, insertAt + 1, few.length - insertAt);
    return more;
  }

  /**
   * Returns the slot that holds the ids of both slots. {@code other} is left as it was, and the
   * result never refers to a set that {@code other} owns.
   */
  static @Nullable Object union(@Nullable Object slot, @Nullable Object other) {
    if (other == null || other == slot) {
      return slot;
    }
    if (other instanceof String one) {
      return with(slot, one);
    }
    if (other instanceof ManyIds theirs) {
      ManyIds mine = slot instanceof ManyIds m ? m : new ManyIds(toSortedSet(slot));
      mine.ids.addAll(theirs.ids);
      return mine;
    }
    String[] few = (String[]) other;
    if (slot == null) {
      return few;
    }
    if (slot instanceof ManyIds mine) {
      Collections.addAll(mine.ids, few);
      return mine;
    }
    String[] mine = slot instanceof String one ? new String[] {one} : (String[]) slot;
    return unionOfArrays(mine, few);
  }

  /** Merges two sorted arrays of distinct ids into a slot holding their union, at least 2 ids. */
  private static Object unionOfArrays(String[] a, String[] b) {
    String[] union = new String[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      int order = a[i].compareTo(b[j]);
      union[n++] = order <= 0 ? a[i] : b[j];
      if (order <= 0) {
        i++;
      }
      if (order >= 0) {
        j++;
      }
    }
    while (i < a.length) {
      union[n++] = a[i++];
    }
    while (j < b.length) {
      union[n++] = b[j++];
    }
    if (n > MAX_SORTED_ARRAY) {
      return new ManyIds(new TreeSet<>(Arrays.asList(union).subList(0, n)));
    }
    return n == union.length ? union : Arrays.copyOf(union, n);
  }

  /** Returns how many ids the slot holds. */
  static int count(@Nullable Object slot) {
    if (slot == null) {
      return 0;
    }
    if (slot instanceof String) {
      return 1;
    }
    if (slot instanceof String[] few) {
      return few.length;
    }
    return ((ManyIds) slot).ids.size();
  }

  /** Returns a new set of the slot's ids, which the slot does not refer to. */
  static SortedSet<String> toSortedSet(@Nullable Object slot) {
    SortedSet<String> ids = new TreeSet<>();
    if (slot instanceof String one) {
      ids.add(one);
    } else if (slot instanceof String[] few) {
      Collections.addAll(ids, few);
    } else if (slot instanceof ManyIds many) {
      ids.addAll(many.ids);
    }
    return ids;
  }

  /**
   * Returns a slot with the ids of {@code slot} that shares no set with it, for another owner: the
   * slot itself, unless it holds a set.
   */
  static @Nullable Object copyOf(@Nullable Object slot) {
    return slot instanceof ManyIds ? new ManyIds(toSortedSet(slot)) : slot;
  }

  /** Returns the slot's ids in ascending order, read through rather than copied. */
  static Iterable<String> inOrder(@Nullable Object slot) {
    if (slot == null) {
      return List.of();
    }
    if (slot instanceof String one) {
      return List.of(one);
    }
    if (slot instanceof String[] few) {
      return Arrays.asList(few);
    }
    return ((ManyIds) slot).ids;
  }
}
