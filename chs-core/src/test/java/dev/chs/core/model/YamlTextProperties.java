package dev.chs.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any string that {@link YamlText} writes, as a key or as a value in block or flow style, reads
 * back as the same string: the characters YAML folds, drops or refuses are escaped, and the
 * others are written as they are.
 */
class YamlTextProperties {
  private static final YAMLMapper YAML = new YAMLMapper();

  @Property(tries = 1000)
  void aStringReadsBackAsItWasWritten(@ForAll("texts") String text) throws IOException {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("value", text);
    tree.put(text.isEmpty() ? "empty" : text, 1);
    tree.putArray("list").add(text).add(2);

    JsonNode read = YAML.readTree(YamlText.of(tree));

    assertThat(read).isEqualTo(tree);
  }

  @Example
  void writesPrintableCharactersAsTheyAreAndEscapesTheOthers() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    // A tab, DEL, a C1 control, a no-break space, a line separator, a byte-order mark, a
    // noncharacter, and a character beyond the basic plane.
    tree.put("value", "a\tb\u007Fc\u0085d\u00A0e\u2028f\uFEFFg\uFFFEh\uD83D\uDE00");

    assertThat(YamlText.of(tree)).isEqualTo(
        "value: \"a\\u0009b\\u007Fc\\u0085d\u00A0e\\u2028f\\uFEFFg\\uFFFEh\uD83D\uDE00\"\n");
  }

  /**
   * Strings of code points from around every edge of YAML's printable set, and plain words that
   * YAML would read as something else.
   */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<Integer> edges = Arbitraries.of(List.of(
        0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x22, 0x23, 0x27, 0x3A, 0x5C, 0x7E, 0x7F, 0x80, 0x85,
        0x9F, 0xA0, 0xD7FF, 0xE000, 0x2027, 0x2028, 0x2029, 0x202A, 0xFEFE, 0xFEFF, 0xFF00,
        0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF));
    Arbitrary<Integer> anyCodePoint = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 0xD7FF),
        Arbitraries.integers().between(0xE000, 0x10FFFF));
    Arbitrary<String> codePoints = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, edges), net.jqwik.api.Tuple.of(1, anyCodePoint),
            net.jqwik.api.Tuple.of(3, Arbitraries.integers().between('a', 'z')))
        .list().ofMaxSize(8)
        .map(list -> {
          StringBuilder text = new StringBuilder();
          list.forEach(text::appendCodePoint);
          return text.toString();
        });
    Arbitrary<String> words = Arbitraries.of(
        "yes", "No", "null", "true", "~", "1.5", "0x1F", "-", "a: b", "#c", " lead", "trail ");
    return Arbitraries.oneOf(codePoints, words);
  }
}
