package dev.chs.core.aggregate;

import dev.chs.api.AccountId;

/**
 * An open-addressing map from an account to a number of at least zero, with the hashes cached.
 *
 * <p>Each slot of {@code slots} holds a key's hash in its high 32 bits and its number plus one in
 * its low 32 bits, so zero marks an empty slot; {@code keys} holds the key of the same slot. The
 * two arrays are read at the same index, so their cache misses overlap, and a key is compared
 * only when its cached hash matches. Growing rehashes from the cached hashes without reading a
 * key. Keys are only added, never removed. Not thread-safe.
 */
final class AccountIndex {
  private static final int MIN_CAPACITY = 8;

  private long[] slots;
  private AccountId[] keys;
  private int size;

  AccountIndex() {
    slots = new long[MIN_CAPACITY];
    keys = new AccountId[MIN_CAPACITY];
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
    long[] table = slots;
    int mask = table.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      long slot = table[i];
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == hash && sameAccount(keys[i], account)) {
        return (int) slot - 1;
      }
    }
  }

  /** Files {@code account}, which the index does not hold, under {@code number}. */
  void put(AccountId account, int hash, int number) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    int i = freeSlot(slots, hash);
    slots[i] = slot(hash, number);
    keys[i] = account;
    size++;
  }

  /** Returns how many accounts the index holds. */
  int size() {
    return size;
  }

  private void grow() {
    long[] oldSlots = slots;
    AccountId[] oldKeys = keys;
    long[] newSlots = new long[oldSlots.length * 2];
    AccountId[] newKeys = new AccountId[newSlots.length];
    for (int j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] != 0) {
        int i = freeSlot(newSlots, (int) (oldSlots[j] >>> 32));
        newSlots[i] = oldSlots[j];
        newKeys[i] = oldKeys[j];
      }
    }
    slots = newSlots;
    keys = newKeys;
  }

  private static int freeSlot(long[] table, int hash) {
    int mask = table.length - 1;
    int i = hash & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static long slot(int hash, int number) {
    return ((long) hash << 32) | ((number + 1) & 0xFFFF_FFFFL);
  }

  // Identity first, on purpose: most signals share their account's id object, and a reader that
  // makes one AccountId per row gives equal ids that are not the same object.
  @SuppressWarnings("ReferenceEquality")
  private static boolean sameAccount(AccountId filed, AccountId account) {
    return filed == account || filed.value().equals(account.value());
  }
}
