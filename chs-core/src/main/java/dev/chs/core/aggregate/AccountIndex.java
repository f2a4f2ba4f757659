package dev.chs.core.aggregate;

import dev.chs.api.AccountId;
import java.util.Arrays;

/**
 * An open-addressing map from an account to a number of at least zero, which keeps a copy of each
 * filed key's characters, so that a lookup never reads a filed {@link AccountId}.
 *
 * <p>A slot is {@value #STRIDE} words of {@code table}, side by side:
 *
 * <ul>
 *   <li>word 0: the key's hash in the high 32 bits and its number plus one in the low 32 bits, so
 *       zero marks an empty slot;
 *   <li>words 1 and 2: the key. An id of at most {@value #INLINE_CHARS} characters, each at most
 *       U+00FF, is held in the slot itself: its characters as bytes, the first eight in word 1
 *       from the low byte up, the next seven in the low bytes of word 2, and its length in the
 *       top byte of word 2. Any other id is held in {@code arena}: word 1 is its first byte there,
 *       and word 2 has its top bit set, bit 62 set if its characters take two bytes each (UTF-16,
 *       low byte first) rather than one (all at most U+00FF), and its length in characters in the
 *       low 32 bits.
 * </ul>
 *
 * <p>An id has one form only (the inline one whenever it fits), so two ids are equal exactly when
 * their words 1 and 2 are equal and, for the arena form, their characters in the arena are too.
 * A lookup of a short id thus reads one slot and, if the probe runs on, its neighbours; a longer
 * or non-Latin-1 id costs one more read, into the arena, and only when the cached hash matches.
 * Growing rehashes from the cached hashes without reading a key. Keys are only added, never
 * removed. Not thread-safe.
 */
final class AccountIndex {
  private static final int MIN_CAPACITY = 8;

  /** The most slots a table has: a power of two whose words an array can still hold. */
  private static final int MAX_CAPACITY = 1 << 29;

  /** Words per slot: the hash and number, then two words of key. */
  private static final int STRIDE = 3;

  /** The most characters an id held in its slot has. */
  private static final int INLINE_CHARS = 15;

  private static final long IN_ARENA = 1L << 63;
  private static final long TWO_BYTE_CHARS = 1L << 62;

  // Some JVMs keep a few words of an array's length for themselves.
  private static final int MAX_ARENA_BYTES = Integer.MAX_VALUE - 8;

  private long[] table;
  private int capacity;
  private byte[] arena = new byte[0];
  private int arenaSize;
  private int size;

  AccountIndex() {
    capacity = MIN_CAPACITY;
    table = new long[MIN_CAPACITY * STRIDE];
  }

  /**
   * Returns the hash that the index files an account under: its id's string hash, spread so that
   * ids that differ only in their last characters land far apart.
   */
  static int hash(AccountId account) {
    int h = account.value().hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Returns the number of {@code account}, whose {@link #hash} is {@code hash}, or -1. */
  int get(AccountId account, int hash) {
    String id = account.value();
    long tail = tailWord(id);
    long head = tail < 0 ? 0 : headWord(id);
    long[] words = table;
    int mask = capacity - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      int at = i * STRIDE;
      long slot = words[at];
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == hash && words[at + 2] == tail
          && (tail >= 0 ? words[at + 1] == head : arenaHolds(words[at + 1], tail, id))) {
        return (int) slot - 1;
      }
    }
  }

  /** Files {@code account}, which the index does not hold, under {@code number}. */
  void put(AccountId account, int hash, int number) {
    String id = account.value();
    long tail = tailWord(id);
    long head = tail < 0 ? toArena(id, tail) : headWord(id);
    if (2 * (size + 1) > capacity) {
      grow();
    }
    int at = freeSlot(table, capacity, hash) * STRIDE;
    table[at] = ((long) hash << 32) | ((number + 1) & 0xFFFF_FFFFL);
    table[at + 1] = head;
    table[at + 2] = tail;
    size++;
  }

  /** Returns how many accounts the index holds. */
  int size() {
    return size;
  }

  /**
   * Returns word 2 of {@code id}'s key: the inline form's last seven characters and length if it
   * fits in its slot, else the arena form's flags and length, which is negative.
   */
  private static long tailWord(String id) {
    int length = id.length();
    int bits = 0;
    long word = 0;
    for (int k = 0; k < length; k++) {
      char c = id.charAt(k);
      bits |= c;
      if (k >= 8 && k < INLINE_CHARS) {
        word |= (long) c << (8 * (k - 8));
      }
    }
    if (bits > 0xFF) {
      return IN_ARENA | TWO_BYTE_CHARS | length;
    }
    return length > INLINE_CHARS ? IN_ARENA | length : word | ((long) length << 56);
  }

  /** Returns word 1 of the inline form of {@code id}: its first eight characters, as bytes. */
  private static long headWord(String id) {
    int end = Math.min(id.length(), 8);
    long word = 0;
    for (int k = 0; k < end; k++) {
      word |= (long) id.charAt(k) << (8 * k);
    }
    return word;
  }

  /** Appends {@code id}'s characters in the form {@code tail} names, and returns where. */
  private long toArena(String id, long tail) {
    int length = id.length();
    boolean twoBytes = (tail & TWO_BYTE_CHARS) != 0;
    long bytes = twoBytes ? 2L * length : length;
    long needed = arenaSize + bytes;
    if (needed > MAX_ARENA_BYTES) {
      throw new IllegalStateException("account index: an id of " + length + " characters, '"
          + id.substring(0, Math.min(length, 40)) + "...', would take its long ids to " + needed
          + " bytes, over the most it keeps, " + MAX_ARENA_BYTES);
    }
    if (needed > arena.length) {
      long doubled = Math.max(2L * arena.length, 64);
      arena = Arrays.copyOf(arena, (int) Math.min(MAX_ARENA_BYTES, Math.max(doubled, needed)));
    }
    int start = arenaSize;
    for (int k = 0; k < length; k++) {
      char c = id.charAt(k);
      if (twoBytes) {
        arena[start + 2 * k] = (byte) c;
        arena[start + 2 * k + 1] = (byte) (c >>> 8);
      } else {
        arena[start + k] = (byte) c;
      }
    }
    arenaSize = (int) needed;
    return start;
  }

  /**
   * Returns whether the arena holds {@code id} from {@code start}, in the form {@code tail}
   * names, which its slot's word 2 equals.
   */
  private boolean arenaHolds(long start, long tail, String id) {
    byte[] bytes = arena;
    int from = (int) start;
    int length = id.length();
    if ((tail & TWO_BYTE_CHARS) == 0) {
      for (int k = 0; k < length; k++) {
        if ((bytes[from + k] & 0xFF) != id.charAt(k)) {
          return false;
        }
      }
      return true;
    }
    for (int k = 0; k < length; k++) {
      int c = (bytes[from + 2 * k] & 0xFF) | (bytes[from + 2 * k + 1] & 0xFF) << 8;
      if (c != id.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    long[] old = table;
    int oldCapacity = capacity;
    if (oldCapacity == MAX_CAPACITY) {
      throw new IllegalStateException("account index: holds " + size
          + " accounts, the most its table of " + MAX_CAPACITY + " slots takes at half load");
    }
    int newCapacity = 2 * oldCapacity;
    long[] words = new long[newCapacity * STRIDE];
    for (int j = 0; j < oldCapacity; j++) {
      int from = j * STRIDE;
      if (old[from] != 0) {
        int to = freeSlot(words, newCapacity, (int) (old[from] >>> 32)) * STRIDE;
        System.arraycopy(old, from, words, to, STRIDE);
      }
    }
    table = words;
    capacity = newCapacity;
  }

  private static int freeSlot(long[] words, int capacity, int hash) {
    int mask = capacity - 1;
    int i = hash & mask;
    while (words[i * STRIDE] != 0) {
      i = (i + 1) & mask;
    }
    return i;
  }
}
