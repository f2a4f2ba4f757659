package dev.chs.cli.data;

/**
 * Remembers, for each id seen in one file, the line it was first seen on, without keeping the id.
 *
 * <p>An id is reduced to a 64-bit hash ({@link #hash}), and the table maps hashes to lines by open
 * addressing with linear probing: one {@code long} and one {@code int} per slot, at most 70% full,
 * so about 17 to 34 bytes per distinct id whatever the ids' length. The arrays grow by doubling.
 *
 * <p>The price of not keeping the ids is that two different ids with the same hash look like a
 * repeat: the later row would be rejected wrongly, naming the other id's line. For n distinct ids
 * and a hash that behaves like a random function, the chance of any such collision in a file is
 * about n²/2⁶⁵: 3·10⁻⁸ for a million ids, 3·10⁻⁴ for a hundred million.
 *
 * <p>Lines are kept as unsigned 32-bit values; a line past 4,294,967,295 is remembered as unknown
 * (0). Not safe for use by more than one thread.
 */
final class FirstSeenLines {
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
  private static final int FIRST_CAPACITY = 1 << 10;

  private long[] hashes = new long[FIRST_CAPACITY];
  private int[] lines = new int[FIRST_CAPACITY];
  private int size;

  /**
   * Records that {@code hash} was seen on {@code line}, unless it was seen before.
   *
   * @param hash the id's hash, from {@link #hash}
   * @param line the line it is seen on now; at least 1
   * @return -1 if the hash is new, else the line it was first seen on (0 if that was unknown)
   */
  long putIfAbsent(long hash, long line) {
    long key = hash == 0 ? 1 : hash;
    int mask = hashes.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      if (hashes[slot] == key) {
        return Integer.toUnsignedLong(lines[slot]);
      }
      if (hashes[slot] == 0) {
        hashes[slot] = key;
        lines[slot] = line > 0xFFFF_FFFFL ? 0 : (int) line;
        if (++size > hashes.length / 10 * 7) {
          grow();
        }
        return -1;
      }
    }
  }

  /** Forgets every id, and gives back the memory. */
  void clear() {
    hashes = new long[FIRST_CAPACITY];
    lines = new int[FIRST_CAPACITY];
    size = 0;
  }

  /** Returns the number of distinct hashes held. */
  int size() {
    return size;
  }

  /** Returns the starting hash of a key. */
  static long start() {
    return 0x243F6A8885A308D3L;
  }

  /**
   * Adds one part of a key to a running hash. The length goes in first, so that the parts of a
   * composite key cannot run into each other: ("ab", "c") and ("a", "bc") hash differently.
   *
   * @param running the hash so far, from {@link #start()} or an earlier call
   * @param part the text to add
   * @return the new running hash
   */
  static long add(long running, CharSequence part) {
    long h = step(running, part.length());
    for (int i = 0; i < part.length(); i++) {
      h = step(h, part.charAt(i));
    }
    return h;
  }

  /**
   * Adds one number to a running hash.
   *
   * @param running the hash so far
   * @param value the number to add
   * @return the new running hash
   */
  static long add(long running, long value) {
    return step(step(running, value >>> 32), value & 0xFFFF_FFFFL);
  }

  /**
   * Returns the hash of a one-part key.
   *
   * @param id the id
   * @return its 64-bit hash
   */
  static long hash(CharSequence id) {
    return add(start(), id);
  }

  /**
   * One round: each step is a bijection of the running value for a given input (an xor, a
   * multiplication by an odd constant and an xor-shift), so no input is lost.
   */
  private static long step(long h, long input) {
    long x = (h ^ input) * MULTIPLIER;
    return x ^ (x >>> 29);
  }

  /** Spreads a hash's bits before taking the low ones as a slot. */
  private static int slot(long key, int mask) {
    long x = key * 0xC2B2AE3D27D4EB4FL;
    x ^= x >>> 31;
    x *= MULTIPLIER;
    return (int) (x ^ (x >>> 32)) & mask;
  }

  private void grow() {
    long[] oldHashes = hashes;
    int[] oldLines = lines;
    hashes = new long[oldHashes.length * 2];
    lines = new int[oldHashes.length * 2];
    int mask = hashes.length - 1;
    for (int i = 0; i < oldHashes.length; i++) {
      long key = oldHashes[i];
      if (key != 0) {
        int slot = slot(key, mask);
        while (hashes[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        hashes[slot] = key;
        lines[slot] = oldLines[i];
      }
    }
  }
}
