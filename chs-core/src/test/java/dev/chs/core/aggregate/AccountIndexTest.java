package dev.chs.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    // Ids of 3, 4, 11 and 12 characters: an index that keeps ids in fixed words would split
    // them at lengths like these, so the last character lands on either side of each split.
    List<String> stems = List.of("ac", "acc", "acct-12345", "acct-123456");
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
  void tellsApartLongIdsWhoseStringHashesAreEqual() {
    // A common stem, then blocks of equal hash: all these ids have the same String hash.
    String stem = "x".repeat(1_000);
    AccountIndex index = new AccountIndex();
    file(index, stem + "AaAa", 0);
    file(index, stem + "BBBB", 1);
    file(index, "\u0151" + stem + "AaAa", 2);
    file(index, "\u0151" + stem + "BBBB", 3);

    assertThat(lookUp(index, stem + "AaAa")).isZero();
    assertThat(lookUp(index, stem + "BBBB")).isEqualTo(1);
    assertThat(lookUp(index, "\u0151" + stem + "AaAa")).isEqualTo(2);
    assertThat(lookUp(index, "\u0151" + stem + "BBBB")).isEqualTo(3);
    assertThat(lookUp(index, stem + "AaBB")).isEqualTo(-1);
    assertThat(lookUp(index, "\u0151" + stem + "BBAa")).isEqualTo(-1);
    assertThat(lookUp(index, stem)).isEqualTo(-1);
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
      // Long ids, ids beyond Latin-1 and ids with characters above U+007F, all of which must
      // still be found after the table has doubled many times.
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
    AccountIndex index = new AccountIndex();
    Map<String, Integer> model = new HashMap<>();
    for (String id : ids) {
      assertThat(lookUp(index, id)).as(id).isEqualTo(model.getOrDefault(id, -1));
      if (!model.containsKey(id)) {
        file(index, id, model.size());
        model.put(id, model.size());
      }
    }

    assertThat(index.size()).isEqualTo(model.size());
    for (String probe : probesNear(model.keySet())) {
      assertThat(lookUp(index, probe)).as(probe).isEqualTo(model.getOrDefault(probe, -1));
    }
  }

  @Provide
  Arbitrary<List<String>> ids() {
    Arbitrary<String> shortLatin1 = Arbitraries.strings().withCharRange('\u0000', '\u00ff')
        .ofMinLength(1).ofMaxLength(13);
    Arbitrary<String> anyChars = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> fewLetters = Arbitraries.strings().withChars("ab\u0101")
        .ofMinLength(1).ofMaxLength(18);
    // Blocks of "Aa" and "BB" give ids of equal String hash, and a prefix keeps them equal.
    Arbitrary<String> equalHashes = Arbitraries.of("Aa", "BB").list().ofMinSize(1).ofMaxSize(10)
        .map(blocks -> String.join("", blocks));
    Arbitrary<String> prefixedEqualHashes = Arbitraries.of("", "x-", "\u0151", "account-number-")
        .flatMap(prefix -> equalHashes.map(blocks -> prefix + blocks));
    Arbitrary<String> longIds = fewLetters.map(s -> "account-".repeat(5) + s);
    Arbitrary<String> id = Arbitraries.oneOf(
        shortLatin1, anyChars, fewLetters, prefixedEqualHashes, longIds)
        .filter(s -> !s.isBlank());
    return id.list().ofMaxSize(300);
  }

  /** Returns the ids, and ids one character longer or with another last character. */
  private static List<String> probesNear(Collection<String> ids) {
    List<String> probes = new ArrayList<>(ids);
    for (String id : ids) {
      probes.add(id + "a");
      probes.add(id + "\u0101");
      String stem = id.substring(0, id.length() - 1);
      probes.add(stem + "a");
      probes.add(stem + "\u0101");
    }
    probes.removeIf(String::isBlank);
    return probes;
  }

  private static String idOf(int i) {
    if (i % 5 == 0) {
      return "a-long-account-id-" + i;
    } else if (i % 7 == 0) {
      return "\u5ba2" + i;
    }
    return i % 3 == 0 ? "caf\u00e9-" + i : "acct-" + i;
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
