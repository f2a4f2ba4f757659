package dev.chs.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forms a pair's complaint ids take in a slot, and the moves between them. */
class ComplaintIdsTest {
  private static Object slotOf(String... ids) {
    Object slot = null;
    for (String id : ids) {
      slot = ComplaintIds.with(slot, id);
    }
    return slot;
  }

  private static String[] numbered(int count) {
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      ids.add(String.format("k%02d", n));
    }
    return ids.toArray(new String[0]);
  }

  @Test
  void holdsOneIdAsItself() {
    String id = "k1";
    Object slot = ComplaintIds.with(null, id);

    assertThat(slot).isSameAs(id);
    assertThat(ComplaintIds.with(slot, "k1")).isSameAs(id);
    assertThat(ComplaintIds.count(slot)).isEqualTo(1);
  }

  @Test
  void holdsAFewIdsInAscendingOrder() {
    Object slot = slotOf("k3", "k1", "k2", "k1");

    assertThat(slot).isInstanceOf(String[].class);
    assertThat((String[]) slot).containsExactly("k1", "k2", "k3");
    assertThat(ComplaintIds.count(slot)).isEqualTo(3);
  }

  @Test
  void neverChangesAnArrayOnceMade() {
    Object two = slotOf("k2", "k1");
    Object three = ComplaintIds.with(two, "k0");

    assertThat((String[]) two).containsExactly("k1", "k2");
    assertThat((String[]) three).containsExactly("k0", "k1", "k2");
    assertThat(ComplaintIds.with(three, "k1")).isSameAs(three);
  }

  @Test
  void movesToASetFromTheSeventeenthId() {
    Object sixteen = slotOf(numbered(ComplaintIds.MAX_SORTED_ARRAY));
    Object seventeen = ComplaintIds.with(sixteen, "k99");

    assertThat(sixteen).isInstanceOf(String[].class);
    assertThat(seventeen).isNotInstanceOf(String[].class);
    assertThat(ComplaintIds.count(seventeen)).isEqualTo(17);
    assertThat(ComplaintIds.toSortedSet(seventeen)).startsWith("k00", "k01").endsWith("k99");
  }

  @Test
  void unitesTwoArraysInOrder_orIntoASetPastSixteen() {
    Object odd = slotOf("k1", "k3", "k5");
    Object even = slotOf("k0", "k2", "k3", "k4");

    Object union = ComplaintIds.union(odd, even);
    Object large = ComplaintIds.union(slotOf(numbered(10)), slotOf("k08", "k09", "x1", "x2",
        "x3", "x4", "x5", "x6", "x7"));

    assertThat((String[]) union).containsExactly("k0", "k1", "k2", "k3", "k4", "k5");
    assertThat(ComplaintIds.count(large)).isEqualTo(17);
    assertThat(large).isNotInstanceOf(String[].class);
  }

  @Test
  void sharesAnArrayWithAnEmptySlot_butCopiesASet() {
    Object few = slotOf("k1", "k2");
    Object many = slotOf(numbered(20));

    Object sharedFew = ComplaintIds.union(null, few);
    Object copiedMany = ComplaintIds.union(null, many);
    ComplaintIds.with(copiedMany, "new");

    assertThat(sharedFew).isSameAs(few);
    assertThat(copiedMany).isNotSameAs(many);
    assertThat(ComplaintIds.count(many)).isEqualTo(20);
    assertThat(ComplaintIds.count(copiedMany)).isEqualTo(21);
  }

  @Test
  void countsNothingInAnEmptySlot() {
    assertThat(ComplaintIds.count(null)).isZero();
    assertThat(ComplaintIds.toSortedSet(null)).isEmpty();
    assertThat(ComplaintIds.copyOf(null)).isNull();
    assertThat(ComplaintIds.inOrder(null)).isEmpty();
    assertThat(ComplaintIds.union(null, null)).isNull();
  }

  @Test
  void readsEachFormInAscendingOrder() {
    assertThat(ComplaintIds.inOrder(slotOf("k1"))).containsExactly("k1");
    assertThat(ComplaintIds.inOrder(slotOf("k3", "k1", "k2"))).containsExactly("k1", "k2", "k3");
    String[] many = numbered(ComplaintIds.MAX_SORTED_ARRAY + 3);
    List<String> reversed = new ArrayList<>(List.of(many));
    Collections.reverse(reversed);

    assertThat(ComplaintIds.inOrder(slotOf(reversed.toArray(new String[0]))))
        .containsExactly(many);
  }

  @Test
  void copiesOnlyASetForAnotherOwner() {
    Object one = slotOf("k1");
    Object few = slotOf("k1", "k2");
    Object many = slotOf(numbered(ComplaintIds.MAX_SORTED_ARRAY + 1));

    Object copiedMany = ComplaintIds.copyOf(many);
    ComplaintIds.with(copiedMany, "new");

    assertThat(ComplaintIds.copyOf(one)).isSameAs(one);
    assertThat(ComplaintIds.copyOf(few)).isSameAs(few);
    assertThat(copiedMany).isNotSameAs(many);
    assertThat(ComplaintIds.count(many)).isEqualTo(ComplaintIds.MAX_SORTED_ARRAY + 1);
    assertThat(ComplaintIds.count(copiedMany)).isEqualTo(ComplaintIds.MAX_SORTED_ARRAY + 2);
  }
}
