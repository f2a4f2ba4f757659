package dev.chs.api.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list over an array that its creator hands over and never writes again, so that a
 * result can keep the array it was built in instead of a copy. Records of {@code dev.chs.api}
 * take such a list as it is, where they copy any other.
 *
 * <p>Not part of the API: chs-core's scorer builds results this way so that scoring allocates
 * nothing beyond its results, and other code should not use it. Instances are
 * immutable and safe to share between threads once published.
 *
 * @param <E> the type of the elements
 * @since 0.1.0
 */
public final class HandedOverList<E> extends AbstractList<E> implements RandomAccess {
  private final E[] elements;

  private HandedOverList(E[] elements) {
    this.elements = elements;
  }

  /**
   * Returns a list of the array's elements, keeping the array. The caller must not write the
   * array afterwards.
   *
   * @param <E> the type of the elements
   * @param elements the elements, none null
   * @return the list
   * @throws NullPointerException if the array or an element is null
   */
  public static <E> List<E> of(E[] elements) {
    for (int i = 0; i < elements.length; i++) {
      if (elements[i] == null) {
        throw new NullPointerException("elements[" + i + "]: must not be null");
      }
    }
    return new HandedOverList<>(elements);
  }

  /**
   * Returns {@code list} if it is an immutable list that needs no copy, else an immutable copy.
   *
   * @param <E> the type of the elements
   * @param list the list, whose elements must not be null
   * @return an immutable list of the same elements
   * @throws NullPointerException if the list or an element is null
   */
  public static <E> List<E> copyOf(List<E> list) {
    return list instanceof HandedOverList<E> ? list : List.copyOf(list);
  }

  @Override
  public E get(int index) {
    Objects.checkIndex(index, elements.length);
    return elements[index];
  }

  @Override
  public int size() {
    return elements.length;
  }
}
