package dev.chs.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Slots of complaint ids hold what a {@link TreeSet} of the same ids holds, through any sequence
 * of adds, unions, copies and fresh slots, in every form a slot takes: none, one id, a sorted
 * array, a set. No slot shares a set with another, so an add to one never shows in another.
 */
class ComplaintIdsProperties {
  private static final int SLOTS = 3;

  /**
   * One step: add {@code id} to slot {@code to}; or, with no id, unite slot {@code from} (or a copy
   * of it) into it; or, when {@code fresh}, empty slot {@code to}, as a new pair's slot is.
   */
  record Step(int to, int from, String id, boolean copy, boolean fresh) {}

  @Property(tries = 500)
  void slotsHoldTheIdsThatASortedSetHolds(@ForAll("steps") List<Step> steps) {
    List<Object> slots = new ArrayList<>(Collections.nCopies(SLOTS, null));
    List<SortedSet<String>> mirrors = new ArrayList<>();
    for (int s = 0; s < SLOTS; s++) {
      mirrors.add(new TreeSet<>());
    }

    for (Step step : steps) {
      if (step.fresh()) {
        slots.set(step.to(), null);
        mirrors.get(step.to()).clear();
        continue;
      }
      Object before = step.id() == null ? slots.get(step.from()) : null;
      SortedSet<String> theirs = step.id() == null ? mirrors.get(step.from()) : null;
      if (step.id() != null) {
        slots.set(step.to(), ComplaintIds.with(slots.get(step.to()), step.id()));
        mirrors.get(step.to()).add(step.id());
      } else {
        Object other = step.copy() ? ComplaintIds.copyOf(before) : before;
        slots.set(step.to(), ComplaintIds.union(slots.get(step.to()), other));
        mirrors.get(step.to()).addAll(new TreeSet<>(theirs));
      }
      for (int s = 0; s < SLOTS; s++) {
        assertThat(ComplaintIds.toSortedSet(slots.get(s))).as("slot %s", s)
            .isEqualTo(mirrors.get(s));
        assertThat(ComplaintIds.count(slots.get(s))).as("count of slot %s", s)
            .isEqualTo(mirrors.get(s).size());
        assertThat(ComplaintIds.inOrder(slots.get(s))).as("order of slot %s", s)
            .containsExactlyElementsOf(mirrors.get(s));
      }
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> slot = Arbitraries.integers().between(0, SLOTS - 1);
    // 30 ids over 3 slots: slots pass the 16 ids of a sorted array, and ids repeat.
    Arbitrary<String> ids = Arbitraries.integers().between(0, 29).map(n -> "k" + n);
    Arbitrary<Step> add = Combinators.combine(slot, ids)
        .as((to, id) -> new Step(to, to, id, false, false));
    Arbitrary<Step> unite = Combinators.combine(slot, slot, Arbitraries.of(true, false))
        .as((to, from, copy) -> new Step(to, from, null, copy, false));
    Arbitrary<Step> fresh = slot.map(to -> new Step(to, to, null, false, true));
    return Arbitraries.frequencyOf(Tuple.of(8, add), Tuple.of(3, unite), Tuple.of(1, fresh))
        .list().ofMaxSize(150);
  }
}
