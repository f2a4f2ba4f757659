package dev.chs.core.aggregate;

import dev.chs.api.AccountId;
import java.util.Arrays;

/**
 * An open-addressing map from an account to a number of at least zero, which keeps a copy of each
 * filed key's characters, so that a lookup never reads a filed {@link AccountId}.
 *
 * <p>A slot is two words of {@code table}, side by side. The low 32 bits of word 0 hold the
 * number plus one, so zero marks an empty slot. The rest holds the key in one of two forms:
 *
 * <ul>
 *   <li>inline, for an id of at most {@value #INLINE_CHARS} characters, each at most U+00FF: bit
 *       63 of word 0 is clear, bits 56 to 59 hold the length, bits 32 to 55 the first three
 *       characters as bytes (from bit 32 up), and word 1 the next eight (from its low byte up);
 *       unused bits are zero;
 *   <li>in {@code arena}, for any other id: bit 63 of word 0 is set, bit 62 is set if the id's
 *       characters take two bytes each there (UTF-16, low byte first) rather than one (all at
 *       most U+00FF), and bits 32 to 61 hold the top 30 bits of its hash; word 1 holds where the
 *       id starts in the arena in its high 32 bits and its length in characters in its low 32.
 * </ul>
 *
 * <p>An id has one form only (the inline one whenever it fits), so a lookup encodes the id it
 * looks for in the same way once and compares whole words. Looking up a short id thus reads one
 * slot and, if the probe runs on, its neighbours; a longer or non-Latin-1 id costs one more read,
 * into the arena, and only when its length and 30 bits of its hash match. Growing recomputes an
 * id's hash from its copy, reading the arena only for ids kept there. Keys are only added, never
 * removed. Not thread-safe.
 */
final class AccountIndex {
  private static final int MIN_CAPACITY = 8;

  /** The most slots a table has: a power of two whose words an array can still hold. */
  private static final int MAX_CAPACITY = 1 << 29;

  /** Words per slot. */
  private static final int STRIDE = 2;

  /** The most characters an id held in its slot has. */
  private static final int INLINE_CHARS = 11;

  private static final long IN_ARENA = 1L << 63;
  private static final long TWO_BYTE_CHARS = 1L << 62;
  private static final long KEY_BITS = 0xFFFF_FFFF_0000_0000L;

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
    return spread(account.value().hashCode());
  }

  /** Returns the number of {@code account}, whose {@link #hash} is {@code hash}, or -1. */
  int get(AccountId account, int hash) {
    String id = account.value();
    long high = highBits(id, hash);
    long low = high < 0 ? id.length() : lowWord(id);
    long[] words = table;
    int mask = capacity - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      int at = i * STRIDE;
      long slot = words[at];
      if (slot == 0) {
        return -1;
      }
      if ((slot & KEY_BITS) == high && (high >= 0 ? words[at + 1] == low
          : (int) words[at + 1] == (int) low && arenaHolds(words[at + 1], high, id))) {
        return (int) slot - 1;
      }
    }
  }

  /** Files {@code account}, which the index does not hold, under {@code number}. */
  void put(AccountId account, int hash, int number) {
    String id = account.value();
    long high = highBits(id, hash);
    long low = high < 0 ? toArena(id, high) : lowWord(id);
    if (2 * (size + 1) > capacity) {
      grow();
    }
    int at = freeSlot(table, capacity, hash) * STRIDE;
    table[at] = high | ((number + 1) & 0xFFFF_FFFFL);
    table[at + 1] = low;
    size++;
  }

  /** Returns how many accounts the index holds. */
  int size() {
    return size;
  }

  private static int spread(int stringHash) {
    int h = stringHash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /**
   * Returns the high 32 bits of word 0 of {@code id}'s key, in place, with the low 32 bits zero:
   * negative exactly when the id is kept in the arena.
   */
  private static long highBits(String id, int hash) {
    int length = id.length();
    int bits = 0;
    long word = 0;
    for (int k = 0; k < length; k++) {
      char c = id.charAt(k);
      bits |= c;
      if (k < 3) {
        word |= (long) c << (32 + 8 * k);
      }
    }
    if (length <= INLINE_CHARS && bits <= 0xFF) {
      return word | ((long) length << 56);
    }
    long flags = bits > 0xFF ? IN_ARENA | TWO_BYTE_CHARS : IN_ARENA;
    return flags | (((long) (hash >>> 2)) << 32);
  }

  /** Returns word 1 of the inline form of {@code id}: its characters 3 to 10, as bytes. */
  private static long lowWord(String id) {
    int end = Math.min(id.length(), INLINE_CHARS);
    long word = 0;
    for (int k = 3; k < end; k++) {
      word |= (long) id.charAt(k) << (8 * (k - 3));
    }
    return word;
  }

  /** Appends {@code id}'s characters in the form {@code high} names, and returns word 1. */
  private long toArena(String id, long high) {
    int length = id.length();
    boolean twoBytes = (high & TWO_BYTE_CHARS) != 0;
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
    return ((long) start << 32) | length;
  }

  /** Returns character {@code k} of the arena's id at {@code low}, kept in form {@code high}. */
  private char arenaChar(long low, long high, int k) {
    int start = (int) (low >>> 32);
    if ((high & TWO_BYTE_CHARS) == 0) {
      return (char) (arena[start + k] & 0xFF);
    }
    return (char) ((arena[start + 2 * k] & 0xFF) | (arena[start + 2 * k + 1] & 0xFF) << 8);
  }

  /**
   * Returns whether the arena holds {@code id} at {@code low}, in the form {@code high} names;
   * {@code id} has the length that {@code low} holds.
   */
  private boolean arenaHolds(long low, long high, String id) {
    int length = id.length();
    for (int k = 0; k < length; k++) {
      if (arenaChar(low, high, k) != id.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Returns the {@link #hash} of the id filed in a slot of words {@code slot} and {@code low}. */
  private int hashOf(long slot, long low) {
    int h = 0;
    if (slot < 0) {
      int length = (int) low;
      for (int k = 0; k < length; k++) {
        h = 31 * h + arenaChar(low, slot, k);
      }
      return spread(h);
    }
    int length = (int) (slot >>> 56);
    for (int k = 0; k < length; k++) {
      long b = k < 3 ? slot >>> (32 + 8 * k) : low >>> (8 * (k - 3));
      h = 31 * h + (int) (b & 0xFF);
    }
    return spread(h);
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
        int to = freeSlot(words, newCapacity, hashOf(old[from], old[from + 1])) * STRIDE;
        words[to] = old[from];
        words[to + 1] = old[from + 1];
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
