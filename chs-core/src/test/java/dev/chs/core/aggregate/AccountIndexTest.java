package dev.chs.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AccountIndexTest {
  @Test
  void findsNothingInAnEmptyIndex() {
    AccountIndex index = new AccountIndex();

    assertThat(lookUp(index, "acme")).isEqualTo(-1);
    assertThat(index.size()).isZero();
  }

  @Test
  void findsEachFiledAccountByAnEqualIdThatIsAnotherObject() {
    AccountIndex index = new AccountIndex();
    file(index, "acme", 0);
    file(index, "globex", 7);
    file(index, "initech", Integer.MAX_VALUE);

    assertThat(lookUp(index, "acme")).isZero();
    assertThat(lookUp(index, "globex")).isEqualTo(7);
    assertThat(lookUp(index, "initech")).isEqualTo(Integer.MAX_VALUE);
    assertThat(lookUp(index, "acm")).isEqualTo(-1);
    assertThat(lookUp(index, "acmee")).isEqualTo(-1);
    assertThat(index.size()).isEqualTo(3);
  }

  @Test
  void tellsApartIdsThatDifferOnlyInTheirLastCharacter() {
    // Lengths 8, 9, 15 and 16 end on either side of where the slot's first word and the slot
    // itself run out, so the last character lands in each part of the key.
    List<String> stems = List.of("acct-12", "acct-123", "acct-123456789", "acct-1234567890");
    AccountIndex index = new AccountIndex();
    int number = 0;
    for (String stem : stems) {
      file(index, stem + "a", number++);
      file(index, stem + "b", number++);
    }

    number = 0;
    for (String stem : stems) {
      assertThat(lookUp(index, stem + "a")).as(stem + "a").isEqualTo(number++);
      assertThat(lookUp(index, stem + "b")).as(stem + "b").isEqualTo(number++);
      assertThat(lookUp(index, stem + "c")).as(stem + "c").isEqualTo(-1);
    }
  }

  @Test
  void tellsApartIdsWhoseStringHashesAreEqual() {
    // "Aa" and "BB" have the same String hash, so all four of these do too.
    List<String> ids = List.of("AaAa", "AaBB", "BBAa", "BBBB");
    assertThat(ids.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
    AccountIndex index = new AccountIndex();
    file(index, "AaAa", 0);
    file(index, "BBBB", 1);

    assertThat(lookUp(index, "AaAa")).isZero();
    assertThat(lookUp(index, "BBBB")).isEqualTo(1);
    assertThat(lookUp(index, "AaBB")).isEqualTo(-1);
    assertThat(lookUp(index, "BBAa")).isEqualTo(-1);
  }

  @Test
  void tellsApartLongIdsFiledUnderOneHash() {
    String stem = "x".repeat(1_000);
    AccountIndex index = new AccountIndex();
    index.put(AccountId.of(stem + "1"), 42, 0);
    index.put(AccountId.of(stem + "2"), 42, 1);

    assertThat(index.get(AccountId.of(stem + "1"), 42)).isZero();
    assertThat(index.get(AccountId.of(stem + "2"), 42)).isEqualTo(1);
    assertThat(index.get(AccountId.of(stem + "3"), 42)).isEqualTo(-1);
    assertThat(index.get(AccountId.of(stem), 42)).isEqualTo(-1);
  }

  @Test
  void keepsIdsBeyondLatin1ApartFromTheirLowBytes() {
    // U+0141 has the low byte of 'A', and U+0100 that of NUL: a key kept as bytes alone would
    // take "Ł" for "A", and "a\u0100" for "a\u0000".
    AccountIndex index = new AccountIndex();
    file(index, "A", 0);
    file(index, "a\u0000", 1);
    file(index, "\u0141", 2);
    file(index, "a\u0100", 3);

    assertThat(lookUp(index, "A")).isZero();
    assertThat(lookUp(index, "a\u0000")).isEqualTo(1);
    assertThat(lookUp(index, "\u0141")).isEqualTo(2);
    assertThat(lookUp(index, "a\u0100")).isEqualTo(3);
    assertThat(lookUp(index, "a")).isEqualTo(-1);
  }

  @Test
  void findsIdsOfAnyCharacters() {
    List<String> ids = List.of(
        "caf\u00e9", "\u00ff\u00fe", "\u5ba2\u6237-42", "\ud83d\ude00", "\ud83d\ude01",
        "lone \ud800", "lone \udc00", "\u0151".repeat(40), "\u0151".repeat(39) + "o");
    AccountIndex index = new AccountIndex();
    for (int i = 0; i < ids.size(); i++) {
      file(index, ids.get(i), i);
    }

    for (int i = 0; i < ids.size(); i++) {
      assertThat(lookUp(index, ids.get(i))).as(ids.get(i)).isEqualTo(i);
    }
    assertThat(lookUp(index, "\ud83d\ude02")).isEqualTo(-1);
    assertThat(lookUp(index, "lone \ud801")).isEqualTo(-1);
    assertThat(lookUp(index, "cafe")).isEqualTo(-1);
  }

  @Test
  void findsEveryAccountAfterGrowing() {
    AccountIndex index = new AccountIndex();
    for (int i = 0; i < 20_000; i++) {
      // Every fifth id is long enough for the arena.
      file(index, idOf(i), i);
    }

    assertThat(index.size()).isEqualTo(20_000);
    for (int i = 0; i < 20_000; i++) {
      assertThat(lookUp(index, idOf(i))).isEqualTo(i);
    }
    assertThat(lookUp(index, idOf(20_000))).isEqualTo(-1);
  }

  @Property
  void agreesWithAHashMap(@ForAll("ids") List<String> ids) {
    checkAgainstAHashMap(ids, id -> AccountIndex.hash(AccountId.of(id)));
  }

  @Property
  void agreesWithAHashMapWhenHashesCollideMostOfTheTime(@ForAll("ids") List<String> ids) {
    // Four hashes for all ids: most probes pass keys of the same hash.
    checkAgainstAHashMap(ids, id -> id.hashCode() & 3);
  }

  @Provide
  Arbitrary<List<String>> ids() {
    Arbitrary<String> shortLatin1 = Arbitraries.strings().withCharRange('\u0000', '\u00ff')
        .ofMinLength(1).ofMaxLength(17);
    Arbitrary<String> anyChars = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> fewLetters = Arbitraries.strings().withChars("ab\u0101")
        .ofMinLength(1).ofMaxLength(18);
    // Blocks of "Aa" and "BB" give ids of equal String hash.
    Arbitrary<String> equalHashes = Arbitraries.of("Aa", "BB").list().ofMinSize(1).ofMaxSize(10)
        .map(blocks -> String.join("", blocks));
    Arbitrary<String> long1 = fewLetters.map(s -> "account-".repeat(5) + s);
    Arbitrary<String> id = Arbitraries.oneOf(shortLatin1, anyChars, fewLetters, equalHashes, long1)
        .filter(s -> !s.isBlank());
    return id.list().ofMaxSize(300);
  }

  /**
   * Files the ids not seen before under the next number, checking before each step that the
   * index answers as the map does, and at the end every id and some ids never filed.
   */
  private static void checkAgainstAHashMap(List<String> ids, ToIntFunction<String> hashOf) {
    AccountIndex index = new AccountIndex();
    Map<String, Integer> model = new HashMap<>();
    for (String id : ids) {
      // A copy, so that no lookup can rely on the filed object.
      AccountId account = AccountId.of(new String(id.toCharArray()));
      int hash = hashOf.applyAsInt(id);
      assertThat(index.get(account, hash)).as(id).isEqualTo(model.getOrDefault(id, -1));
      if (!model.containsKey(id)) {
        index.put(account, hash, model.size());
        model.put(id, model.size());
      }
    }

    assertThat(index.size()).isEqualTo(model.size());
    List<String> probes = new ArrayList<>(model.keySet());
    for (String id : model.keySet()) {
      probes.add(id + "a");
      probes.add(id.substring(0, id.length() - 1) + "\u0101");
    }
    for (String probe : probes) {
      int expected = model.getOrDefault(probe, -1);
      if (!probe.isBlank()) {
        AccountId account = AccountId.of(new String(probe.toCharArray()));
        assertThat(index.get(account, hashOf.applyAsInt(probe))).as(probe).isEqualTo(expected);
      }
    }
  }

  private static String idOf(int i) {
    return i % 5 == 0 ? "a-long-account-id-" + i : "acct-" + i;
  }

  private static void file(AccountIndex index, String id, int number) {
    AccountId account = AccountId.of(id);
    index.put(account, AccountIndex.hash(account), number);
  }

  private static int lookUp(AccountIndex index, String id) {
    AccountId account = AccountId.of(new String(id.toCharArray()));
    return index.get(account, AccountIndex.hash(account));
  }
}
