package dev.chs.cli.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.chs.api.signal.Signal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the CSV parser and the data-set reader with random bytes and with mutations of valid
 * files of every kind. The only outcomes allowed are those the reader documents:
 *
 * <ul>
 *   <li>a {@link DataSetSummary} whose counts add up and agree with the {@link Reject}s handed out,
 *       each naming a present file, a line of it and a reason;
 *   <li>an {@link IOException} whose message starts with the file's name (bytes that are not
 *       UTF-8, or a header whose open quote swallows the file);
 *   <li>in strict mode, a {@link BadRowException} carrying the first row the lenient reader
 *       rejects;
 *   <li>an {@link IllegalArgumentException} exactly when no signal file is present.
 * </ul>
 *
 * <p>Anything else, such as a {@link NullPointerException} or an {@link IllegalStateException},
 * fails the property, and so does a read that takes longer than {@link #DEADLINE_SECONDS}. Inputs
 * stay below a few megabytes, so that an unbounded buffer would show as a failure to stop rather
 * than as an out-of-memory error in the build.
 */
public class CsvFuzzProperties {
  private static final long DEADLINE_SECONDS = 20;

  /** One or two valid rows of each file; the mutations then break them. */
  private static final Map<DataFile, List<String>> VALID_ROWS = new EnumMap<>(Map.of(
      DataFile.ACCOUNTS, List.of("A-1,Acme", "A-2,\"Bolt, Inc.\""),
      DataFile.CONTRACTS, List.of("A-1,service,1000,2027-01-01", "A-2,sales,2.5e3,"),
      DataFile.CASES, List.of("C-1,A-1,service,2026-06-01T10:00:00Z,2026-06-02,true",
          "C-2,A-2,,2026-06-03T12:00:00+02:00,,"),
      DataFile.WORK_ORDERS, List.of("W-1,A-1,service,2026-06-01,2026-06-04,false",
          "W-2,A-2,sales,2026-06-02T00:00:00.5Z,,"),
      DataFile.COMPLAINTS, List.of("K-1,A-1,service,2026-06-01", "K-2,A-2,,2026-06-05"),
      DataFile.USAGE, List.of("A-1,service,2026-06-01,5,10", "A-2,,2026-06-02,0,1"),
      DataFile.SENTIMENT, List.of("A-1,service,2026-06-01,0.5", "A-2,sales,2026-06-02,-1"),
      DataFile.RENEWALS, List.of("A-1,service,2026-01-01,renewed", "A-2,,2025-12-01,churned"),
      DataFile.METRICS, List.of("A-1,service,3,0.25", "A-2,,,-7")));

  /** Pieces that a mutation may insert: numbers at the edges, odd characters, CSV syntax. */
  private static final List<String> PIECES = List.of(
      "\"", "\"\"", ",", "\n", "\r", "\r\n", "\uFEFF", "\u0000", "\u2028", "\u0085", "\uD83D\uDE00",
      "\u00e9", "\u202E", "\uFFFD", "NaN", "-Infinity", "1e400", "-1e400", "1e-400", "-0",
      "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999", "0x1p3",
      "1d", " 1", "+5", "2026-02-30", "2026-06-01T25:00:00Z", "2026-06-01T10:00:00",
      "+999999999-12-31T23:59:59Z", "-999999999-01-01", "2026-06-01T10:00:00+19:00", "*", " ",
      "true", "TRUE", "renewed", "churned", "account_id", "cloud", "C-1", "A-1");

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void aMutatedDataSetIsReadOrFailsOnlyAsDocumented(@ForAll("dataSets") Map<DataFile, byte[]> set)
      throws Exception {
    Outcome lenient = Deadline.within(DEADLINE_SECONDS, () -> read(set, DataSetReader.lenient()));
    Outcome strict = Deadline.within(DEADLINE_SECONDS, () -> read(set, DataSetReader.strict()));

    lenient.checkAgainst(set);
    strict.checkAgainst(set);
    Statistics.label("lenient outcome").collect(lenient.kind());
    assertThat(lenient.failure instanceof BadRowException)
        .as("a lenient read never stops at a bad row").isFalse();
    if (lenient.failure == null && lenient.rejects.isEmpty()) {
      assertThat(strict.failure).as("strict read of a clean data set").isNull();
      assertThat(strict.signals).isEqualTo(lenient.signals);
    } else if (lenient.failure == null) {
      assertThat(strict.failure).isInstanceOf(BadRowException.class);
      assertThat(((BadRowException) strict.failure).reject()).isEqualTo(lenient.rejects.get(0));
      assertThat(strict.rejects).containsExactly(lenient.rejects.get(0));
    }
  }

  @Property(tries = 200)
  void randomBytesAreReadOrFailOnlyAsDocumented(
      @ForAll("kinds") DataFile kind, @ForAll("randomBytes") byte[] bytes) throws Exception {
    Map<DataFile, byte[]> set = Map.of(kind, bytes);

    Outcome lenient = Deadline.within(DEADLINE_SECONDS, () -> read(set, DataSetReader.lenient()));

    lenient.checkAgainst(set);
  }

  @Property(tries = 300)
  void theParserEndsEveryInputWithinItsLimits(
      @ForAll("texts") String text,
      @ForAll("limits") int maxFieldLength,
      @ForAll("limits") int maxFields) throws Exception {
    List<Long> lines = Deadline.within(DEADLINE_SECONDS, () -> {
      List<Long> seen = new ArrayList<>();
      try (CsvParser csv = new CsvParser(new StringReader(text), maxFieldLength, maxFields)) {
        while (csv.next()) {
          assertThat(csv.size()).isBetween(1, maxFields);
          for (int i = 0; i < csv.size(); i++) {
            assertThat(csv.get(i).length()).isLessThanOrEqualTo(maxFieldLength);
          }
          seen.add(csv.line());
        }
      }
      return seen;
    });

    long physicalLines = text.lines().count() + 1;
    assertThat(lines).isSorted().allSatisfy(line -> assertThat(line).isBetween(1L, physicalLines));
    assertThat(lines).doesNotHaveDuplicates();
  }

  /** What one read gave: its summary or its failure, and all it handed on before. */
  private static final class Outcome {
    private final List<Signal> signals = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();
    private DataSetSummary summary;
    private Exception failure;

    String kind() {
      return failure != null ? failure.getClass().getSimpleName()
          : rejects.isEmpty() ? "clean" : "with rejects";
    }

    void checkAgainst(Map<DataFile, byte[]> set) {
      boolean anySignalFile = set.keySet().stream().anyMatch(f -> f.signalType().isPresent());
      assertThat(signals).doesNotContainNull();
      for (Reject reject : rejects) {
        assertThat(set.keySet().stream().map(DataFile::fileName)).contains(reject.file());
        assertThat(reject.reason()).isNotBlank();
        long physicalLines = physicalLines(set.get(fileOf(reject)));
        assertThat(reject.line()).isBetween(2L, physicalLines);
      }
      if (failure == null) {
        assertThat(anySignalFile).as("read without a signal file").isTrue();
        ReadCounts total = summary.total();
        assertThat(total.rejected()).isEqualTo(rejects.size());
        assertThat(summary.files().keySet())
            .containsExactlyInAnyOrderElementsOf(set.keySet().stream().map(DataFile::fileName)
                .toList());
      } else if (failure instanceof IllegalArgumentException) {
        assertThat(anySignalFile).as("%s", failure).isFalse();
        assertThat(failure).hasMessageStartingWith("data set: ");
      } else if (failure instanceof IOException) {
        assertThat(set.keySet().stream().map(f -> f.fileName() + ": line "))
            .anySatisfy(prefix -> assertThat(failure).hasMessageStartingWith(prefix));
      } else if (failure instanceof BadRowException bad) {
        assertThat(rejects).isNotEmpty().last().isEqualTo(bad.reject());
        assertThat(bad.soFar().total().rejected()).isEqualTo(1);
      } else {
        fail("undocumented failure", failure);
      }
    }
  }

  private static Outcome read(Map<DataFile, byte[]> set, DataSetReader reader) {
    Outcome outcome = new Outcome();
    DataSetSource source = new DataSetSource() {
      @Override
      public Reader open(String fileName) {
        for (Map.Entry<DataFile, byte[]> file : set.entrySet()) {
          if (file.getKey().fileName().equals(fileName)) {
            return CsvParser.utf8(new ByteArrayInputStream(file.getValue()));
          }
        }
        return null;
      }

      @Override
      public String describe() {
        return "fuzzed data set";
      }
    };
    try {
      outcome.summary = reader.read(
          source, outcome.signals::add, (account, name) -> assertThat(name).isNotNull(),
          outcome.rejects::add);
    } catch (IOException | IllegalArgumentException | BadRowException e) {
      outcome.failure = e;
    }
    return outcome;
  }

  private static DataFile fileOf(Reject reject) {
    return Arrays.stream(DataFile.values())
        .filter(f -> f.fileName().equals(reject.file())).findFirst().orElseThrow();
  }

  /** Counts lines as the parser does: LF, CRLF and a lone CR each end one. */
  private static long physicalLines(byte[] bytes) {
    long lines = 1;
    for (int i = 0; i < bytes.length; i++) {
      boolean loneCr = bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n');
      if (bytes[i] == '\n' || loneCr) {
        lines++;
      }
    }
    return lines;
  }

  @Provide
  Arbitrary<DataFile> kinds() {
    return Arbitraries.of(DataFile.class);
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    Arbitrary<byte[]> textBytes = texts().map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(anyBytes, textBytes);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.strings().withChars("ab,\"\r\n \uFEFF").ofMaxLength(300),
        Arbitraries.of(PIECES).list().ofMaxSize(80).map(pieces -> String.join("", pieces)));
  }

  @Provide
  Arbitrary<Integer> limits() {
    return Arbitraries.oneOf(Arbitraries.integers().between(1, 8),
        Arbitraries.just(CsvParser.DEFAULT_MAX_FIELDS));
  }

  /**
   * Returns data sets of one to three files, each a mutated valid file, for properties of other
   * packages, such as the command line's.
   *
   * @return the data sets, by file
   */
  public static Arbitrary<Map<DataFile, byte[]>> mutatedDataSets() {
    return new CsvFuzzProperties().dataSets();
  }

  @Provide
  Arbitrary<Map<DataFile, byte[]>> dataSets() {
    return Arbitraries.of(DataFile.class).set().ofMinSize(1).ofMaxSize(3).flatMap(kinds -> {
      List<DataFile> list = new ArrayList<>(kinds);
      return Combinators.combine(list.stream().map(this::mutatedFile).toList()).as(files -> {
        Map<DataFile, byte[]> set = new EnumMap<>(DataFile.class);
        for (int i = 0; i < list.size(); i++) {
          set.put(list.get(i), files.get(i));
        }
        return set;
      });
    });
  }

  /** A valid file of one kind, mutated as text a few times, then perhaps as bytes. */
  private Arbitrary<byte[]> mutatedFile(DataFile kind) {
    Arbitrary<String> rows = Arbitraries.of(VALID_ROWS.get(kind)).list().ofMaxSize(12)
        .map(list -> String.join("\n", list) + "\n");
    Arbitrary<List<TextMutation>> textMutations = anyTextMutation().list().ofMaxSize(4);
    Arbitrary<List<ByteMutation>> byteMutations = byteMutation().list().ofMaxSize(2);
    // Most edits go to the rows: a broken header spoils the file before its rows are read.
    Arbitrary<Boolean> headerToo = Arbitraries.of(true, false, false, false, false);
    return Combinators.combine(rows, textMutations, headerToo, byteMutations)
        .as((body, edits, wholeFile, flips) -> {
      String mutated = wholeFile ? header(kind) + body : body;
      for (TextMutation edit : edits) {
        mutated = edit.applyTo(mutated);
      }
      mutated = wholeFile ? mutated : header(kind) + mutated;
      byte[] bytes = mutated.getBytes(StandardCharsets.UTF_8);
      for (ByteMutation flip : flips) {
        bytes = flip.applyTo(bytes);
      }
      return bytes;
    });
  }

  private static String header(DataFile kind) {
    List<String> columns = new ArrayList<>(kind.requiredColumns());
    if (kind == DataFile.METRICS) {
      columns.addAll(List.of("open_tickets", "nps"));
    }
    return String.join(",", columns) + "\n";
  }

  /** An edit of the text of a file, at a relative position. */
  private interface TextMutation {
    String applyTo(String text);
  }

  /** An edit of the bytes of a file, at a relative position. */
  private interface ByteMutation {
    byte[] applyTo(byte[] bytes);
  }

  private static Arbitrary<TextMutation> textMutation() {
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    Arbitrary<Double> other = Arbitraries.doubles().between(0, 1);
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of(PIECES), Arbitraries.strings().all().ofMaxLength(3));
    return Arbitraries.oneOf(
        Combinators.combine(at, piece).as(CsvFuzzProperties::insert),
        Combinators.combine(at, Arbitraries.integers().between(1, 20))
            .as(CsvFuzzProperties::delete),
        at.map(CsvFuzzProperties::truncate),
        Combinators.combine(at, other, Arbitraries.of(LineEdit.class))
            .as(CsvFuzzProperties::editLines),
        Combinators.combine(at, other, Arbitraries.of(LineEdit.class))
            .as(CsvFuzzProperties::editCells),
        Combinators.combine(at, other, piece).as(CsvFuzzProperties::replaceCell),
        Arbitraries.of("\r\n", "\r", "\n\n").map(CsvFuzzProperties::lineBreaks),
        Arbitraries.just(text -> "\uFEFF" + text));
  }

  /** Mostly small edits; now and then a field at the parser's length limit. */
  private static Arbitrary<TextMutation> anyTextMutation() {
    Arbitrary<TextMutation> longField = Arbitraries.integers()
        .between(CsvParser.DEFAULT_MAX_FIELD_LENGTH - 1, CsvParser.DEFAULT_MAX_FIELD_LENGTH + 1)
        .map(length -> text -> text + "A-9," + "y".repeat(length) + "\n");
    return Arbitraries.frequencyOf(Tuple.of(60, textMutation()), Tuple.of(1, longField));
  }

  private static TextMutation insert(double at, String piece) {
    return text -> {
      int i = (int) (at * text.length());
      return text.substring(0, i) + piece + text.substring(i);
    };
  }

  private static TextMutation delete(double at, int length) {
    return text -> {
      int i = (int) (at * text.length());
      return text.substring(0, i) + text.substring(Math.min(text.length(), i + length));
    };
  }

  private static TextMutation truncate(double at) {
    return text -> text.substring(0, (int) (at * text.length()));
  }

  private static TextMutation lineBreaks(String replacement) {
    return text -> text.replace("\n", replacement);
  }

  /** What to do with one line or cell, or with two of them. */
  private enum LineEdit { DELETE, DUPLICATE, SWAP }

  private static TextMutation editLines(double at, double other, LineEdit edit) {
    return text -> String.join("\n", edit(Arrays.asList(text.split("\n", -1)), at, other, edit));
  }

  private static TextMutation editCells(double at, double other, LineEdit edit) {
    return text -> {
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      int i = (int) (at * lines.size());
      if (i < lines.size()) {
        List<String> cells = Arrays.asList(lines.get(i).split(",", -1));
        lines.set(i, String.join(",", edit(cells, other, at, edit)));
      }
      return String.join("\n", lines);
    };
  }

  private static TextMutation replaceCell(double at, double other, String piece) {
    return text -> {
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      int i = (int) (at * lines.size());
      if (i < lines.size()) {
        List<String> cells = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
        cells.set(Math.min(cells.size() - 1, (int) (other * cells.size())), piece);
        lines.set(i, String.join(",", cells));
      }
      return String.join("\n", lines);
    };
  }

  private static List<String> edit(List<String> items, double at, double other, LineEdit edit) {
    List<String> edited = new ArrayList<>(items);
    if (edited.isEmpty()) {
      return edited;
    }
    int i = Math.min(edited.size() - 1, (int) (at * edited.size()));
    int j = Math.min(edited.size() - 1, (int) (other * edited.size()));
    switch (edit) {
      case DELETE -> edited.remove(i);
      case DUPLICATE -> edited.add(i, edited.get(i));
      case SWAP -> {
        String first = edited.get(i);
        edited.set(i, edited.get(j));
        edited.set(j, first);
      }
      default -> throw new IllegalStateException("edit: unknown, was " + edit);
    }
    return edited;
  }

  private static Arbitrary<ByteMutation> byteMutation() {
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    return Arbitraries.oneOf(
        Combinators.combine(at, Arbitraries.integers().between(0, 7)).as((where, bit) -> bytes -> {
          byte[] flipped = bytes.clone();
          if (flipped.length > 0) {
            int i = Math.min(flipped.length - 1, (int) (where * flipped.length));
            flipped[i] ^= (byte) (1 << bit);
          }
          return flipped;
        }),
        at.map(where -> bytes -> Arrays.copyOf(bytes, (int) (where * bytes.length))));
  }
}
