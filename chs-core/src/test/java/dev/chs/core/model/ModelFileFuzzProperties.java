package dev.chs.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the model-file parser, YAML and JSON, with mutations of valid files: bit flips and
 * truncation of their bytes, lines deleted, duplicated or swapped, huge and non-finite numbers,
 * odd characters, byte-order marks and mixed line breaks, unbalanced quotes and brackets, and YAML
 * aliases. {@link ModelFilePropertiesTest} adds garbage and character edits.
 *
 * <p>The only outcomes allowed are those {@code ModelFile.read(Path, KpiRegistry)} documents for
 * a readable file: a {@link HealthModel}, or a {@link ModelException} whose errors
 * are not blank. A read that throws anything else (a {@link NullPointerException}, a Jackson or
 * SnakeYAML exception, a {@link StackOverflowError}) or that takes longer than {@link
 * #DEADLINE_SECONDS} fails the property. Inputs stay below a few kilobytes, except for the alias
 * bomb, which the parser must refuse rather than expand.
 */
class ModelFileFuzzProperties {
  private static final long DEADLINE_SECONDS = 20;

  /** A file that uses every section and every kind of curve, mapping and KPI. */
  private static final String FULL_YAML = String.join("\n",
      "version: 1",
      "window: P90D",
      "min_coverage: 0.5",
      "rollup: arr",
      "bands: {healthy: 70, watch: 50, at_risk: 30}",
      "interventions: {threshold: 50, hysteresis: 5}",
      "watchlist:",
      "  minimum_fall: 10",
      "  minimum_distress: 2",
      "  open_cases_score_below: 50",
      "  closed_to_created_below: 0.8",
      "  sentiment_below: 0",
      "renewal:",
      "  type: isotonic",
      "  points: [[0, 0.1], [50, 0.5], [100, 0.95]]",
      "kpis:",
      "  - id: open_support_cases",
      "    weight: 0.15",
      "    weights_by_cloud: {service: 0.25, \"sales\": 0}",
      "    curve: {type: linear, worst: 10, best: 0}",
      "  - id: cases_closed_to_created",
      "    weight: 0.10",
      "    curve: {type: piecewise, points: [[0.4, 0], [0.8, 50], [1.0, 100]]}",
      "  - id: complaints_raised",
      "    weight: 0.15",
      "    curve: {type: steps, below: 100, steps: [{from: 1, score: 40}, {from: 3, score: 0}]}",
      "  - id: total_day_minutes",
      "    metric: true",
      "    direction: lower_is_better",
      "    weight: 0.12",
      "    curve: {type: linear, worst: 300, best: 100}",
      "");

  /** Pieces that a mutation may insert. */
  private static final List<String> PIECES = List.of(
      "\"", "'", "{", "}", "[", "]", ": ", ",", "- ", "#", "&a ", "*a", "!!binary ", "!!float ",
      "? ", "|", ">", "---\n", "...\n", "\t", "\n", "\r", "\r\n", "\uFEFF", "\u0000", "\u2028",
      "\u0085", "\uD83D\uDE00", "\uD800", "\u202E", "1e400", "-1e400", "1e-400", ".inf", "-.Inf",
      ".nan", "NaN", "-0", "0x1F", "0o17", "1_000", "99999999999999999999999999999999999999",
      "123456789012345678901234567890.5e300", "null", "~", "yes", "off", "P0D", "P-1D", "PT0.5S",
      "P106751991167300D", "metric: true", "direction: up", "type: steps", "version: 2");

  private static Path folder;

  @BeforeContainer
  static void createFolder() throws IOException {
    folder = Files.createTempDirectory("model-fuzz");
  }

  @AfterContainer
  static void deleteFolder() throws IOException {
    for (String name : List.of("model.yaml", "model.json")) {
      Files.deleteIfExists(folder.resolve(name));
    }
    Files.delete(folder);
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void aMutatedFileGivesAModelOrAModelException(
      @ForAll("mutatedFiles") Tuple.Tuple2<ModelFile.Format, byte[]> file) throws Exception {
    String name = file.get1() == ModelFile.Format.YAML ? "model.yaml" : "model.json";
    Path path = folder.resolve(name);
    Files.write(path, file.get2());

    String outcome = Deadline.within(DEADLINE_SECONDS, () -> readOrDescribe(path));

    Statistics.collect(file.get1(), outcome.startsWith("model") ? "model" : "errors");
  }

  @Property(tries = 30)
  void nestingAndAliasesAreRefusedOrReadWithinTheDeadline(
      @ForAll("deepOrAliased") Tuple.Tuple2<ModelFile.Format, String> file) throws Exception {
    String outcome =
        Deadline.within(DEADLINE_SECONDS, () -> readOrDescribe(file.get1(), file.get2()));

    assertThat(outcome).isNotBlank();
  }

  /** Reads a file, and returns "model" or the errors; any other throwable escapes. */
  private static String readOrDescribe(Path file) throws IOException {
    try {
      ModelFile.read(file, ModelFixtures.REGISTRY);
      return "model";
    } catch (ModelException e) {
      return errorsOf(e);
    }
  }

  private static String readOrDescribe(ModelFile.Format format, String text) {
    try {
      ModelFile.read(text, format, "fuzz", ModelFixtures.REGISTRY);
      return "model";
    } catch (ModelException e) {
      return errorsOf(e);
    }
  }

  private static String errorsOf(ModelException e) {
    assertThat(e.errors()).isNotEmpty().allSatisfy(error -> assertThat(error).isNotBlank());
    assertThat(e).hasMessageContaining(e.errors().get(0));
    return String.join("\n", e.errors());
  }

  @Provide
  Arbitrary<Tuple.Tuple2<ModelFile.Format, byte[]>> mutatedFiles() {
    Arbitrary<Tuple.Tuple2<ModelFile.Format, String>> valid = Arbitraries.oneOf(
        Arbitraries.of(ModelFile.Format.class).map(format -> Tuple.of(format, full(format))),
        Combinators.combine(
                new ModelFilePropertiesTest().models(), Arbitraries.of(ModelFile.Format.class))
            .as((model, format) -> Tuple.of(format, ModelFile.write(model, format))));
    Arbitrary<List<TextMutation>> edits = textMutation().list().ofMinSize(1).ofMaxSize(4);
    Arbitrary<List<ByteMutation>> flips = byteMutation().list().ofMaxSize(2);
    return Combinators.combine(valid, edits, flips).as((file, textEdits, byteEdits) -> {
      String text = file.get2();
      for (TextMutation edit : textEdits) {
        text = edit.applyTo(text);
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      for (ByteMutation edit : byteEdits) {
        bytes = edit.applyTo(bytes);
      }
      return Tuple.of(file.get1(), bytes);
    });
  }

  @Provide
  Arbitrary<Tuple.Tuple2<ModelFile.Format, String>> deepOrAliased() {
    Arbitrary<Integer> depth = Arbitraries.integers().between(100, 5_000);
    Arbitrary<Tuple.Tuple2<ModelFile.Format, String>> deepJson = depth.map(n ->
        Tuple.of(ModelFile.Format.JSON, "{\"version\": 1, \"kpis\": " + "[".repeat(n)
            + "]".repeat(n) + "}"));
    Arbitrary<Tuple.Tuple2<ModelFile.Format, String>> deepYaml = depth.map(n ->
        Tuple.of(ModelFile.Format.YAML, "version: 1\nkpis: " + "[".repeat(n) + "]".repeat(n)));
    Arbitrary<Tuple.Tuple2<ModelFile.Format, String>> aliases =
        Arbitraries.integers().between(3, 12).map(levels ->
            Tuple.of(ModelFile.Format.YAML, aliasBomb(levels)));
    return Arbitraries.oneOf(deepJson, deepYaml, aliases);
  }

  /** A YAML file whose aliases would expand to 9 to the power {@code levels} nodes. */
  private static String aliasBomb(int levels) {
    StringBuilder yaml = new StringBuilder("version: 1\nx0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1]\n");
    for (int i = 1; i <= levels; i++) {
      String previous = "*a" + (i - 1);
      yaml.append("x").append(i).append(": &a").append(i).append(" [")
          .append(String.join(", ", Collections.nCopies(9, previous))).append("]\n");
    }
    return yaml.append("kpis: *a").append(levels).append('\n').toString();
  }

  private static String full(ModelFile.Format format) {
    if (format == ModelFile.Format.YAML) {
      return FULL_YAML;
    }
    // The same tree, written as JSON, so that both syntaxes start from every section.
    return ModelFile.write(ModelFixtures.yaml(FULL_YAML), ModelFile.Format.JSON);
  }

  /** An edit of the text of a file. */
  private interface TextMutation {
    String applyTo(String text);
  }

  /** An edit of the bytes of a file. */
  private interface ByteMutation {
    byte[] applyTo(byte[] bytes);
  }

  /** What to do with one line, or with two of them. */
  private enum LineEdit { DELETE, DUPLICATE, SWAP }

  private static Arbitrary<TextMutation> textMutation() {
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of(PIECES), Arbitraries.strings().all().ofMaxLength(3));
    return Arbitraries.oneOf(
        Combinators.combine(at, piece).as(ModelFileFuzzProperties::insert),
        Combinators.combine(at, piece).as(ModelFileFuzzProperties::replaceToken),
        Combinators.combine(at, Arbitraries.integers().between(1, 12))
            .as(ModelFileFuzzProperties::delete),
        at.map(where -> text -> text.substring(0, (int) (where * text.length()))),
        Combinators.combine(at, at, Arbitraries.of(LineEdit.class))
            .as(ModelFileFuzzProperties::editLines),
        Arbitraries.of("\r\n", "\r", "\n\n", "\u2028")
            .map(lineBreak -> text -> text.replace("\n", lineBreak)),
        Arbitraries.just(text -> "\uFEFF" + text),
        Arbitraries.just(text -> text.replace("  ", "\t")));
  }

  private static TextMutation insert(double at, String piece) {
    return text -> {
      int i = (int) (at * text.length());
      return text.substring(0, i) + piece + text.substring(i);
    };
  }

  /** Replaces the word or number at a position, such as a weight, with a piece. */
  private static TextMutation replaceToken(double at, String piece) {
    return text -> {
      int i = (int) (at * text.length());
      int start = i;
      while (start > 0 && isTokenChar(text.charAt(start - 1))) {
        start--;
      }
      int end = i;
      while (end < text.length() && isTokenChar(text.charAt(end))) {
        end++;
      }
      return text.substring(0, start) + piece + text.substring(end);
    };
  }

  private static boolean isTokenChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
  }

  private static TextMutation delete(double at, int length) {
    return text -> {
      int i = (int) (at * text.length());
      return text.substring(0, i) + text.substring(Math.min(text.length(), i + length));
    };
  }

  private static TextMutation editLines(double at, double other, LineEdit edit) {
    return text -> {
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      int i = Math.min(lines.size() - 1, (int) (at * lines.size()));
      int j = Math.min(lines.size() - 1, (int) (other * lines.size()));
      switch (edit) {
        case DELETE -> lines.remove(i);
        case DUPLICATE -> lines.add(i, lines.get(i));
        case SWAP -> {
          String first = lines.get(i);
          lines.set(i, lines.get(j));
          lines.set(j, first);
        }
        default -> throw new IllegalStateException("edit: unknown, was " + edit);
      }
      return String.join("\n", lines);
    };
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
