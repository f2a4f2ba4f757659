package dev.chs.cli.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class CsvParserTest {
  /** One parsed record: its line, fields and problem. */
  record Parsed(long line, List<String> fields, String problem) {}

  static List<Parsed> parse(String text) throws IOException {
    List<Parsed> out = new ArrayList<>();
    try (CsvParser csv = new CsvParser(new StringReader(text))) {
      while (csv.next()) {
        out.add(new Parsed(csv.line(), csv.fields(), csv.problem()));
      }
    }
    return out;
  }

  @Test
  void readsPlainRecordsWithTheirLines() throws IOException {
    assertThat(parse("a,b\n1,2\n3,\n"))
        .containsExactly(
            new Parsed(1, List.of("a", "b"), null),
            new Parsed(2, List.of("1", "2"), null),
            new Parsed(3, List.of("3", ""), null));
  }

  @Test
  void skipsAByteOrderMarkAndReadsCrlf() throws IOException {
    assertThat(parse("\uFEFFa,b\r\n1,2\r\n"))
        .containsExactly(
            new Parsed(1, List.of("a", "b"), null), new Parsed(2, List.of("1", "2"), null));
  }

  @Test
  @Tag("CSV-04")
  void readsALoneCrAsALineBreak() throws IOException {
    assertThat(parse("a\rb\r")).extracting(Parsed::line).containsExactly(1L, 2L);
  }

  @Test
  void readsQuotedCommasQuotesAndLineBreaksAndKeepsCountingLines() throws IOException {
    String text = "id,name\r\n1,\"Smith, Jones\"\r\n2,\"The \"\"Blue\"\" Room\"\r\n"
        + "3,\"two\r\nlines\nand three\"\r\n4,after\r\n";
    assertThat(parse(text))
        .containsExactly(
            new Parsed(1, List.of("id", "name"), null),
            new Parsed(2, List.of("1", "Smith, Jones"), null),
            new Parsed(3, List.of("2", "The \"Blue\" Room"), null),
            new Parsed(4, List.of("3", "two\r\nlines\nand three"), null),
            new Parsed(7, List.of("4", "after"), null));
  }

  @Test
  void readsTheLastRecordWithoutALineBreak() throws IOException {
    assertThat(parse("a,b\n1,\"x\"")).last().isEqualTo(new Parsed(2, List.of("1", "x"), null));
  }

  @Test
  @Tag("CSV-06")
  void skipsEmptyLinesButNotAQuotedEmptyField() throws IOException {
    assertThat(parse("a\n\n\r\n\"\"\nb\n"))
        .containsExactly(
            new Parsed(1, List.of("a"), null),
            new Parsed(4, List.of(""), null),
            new Parsed(5, List.of("b"), null));
  }

  @Test
  void keepsAQuoteInsideAnUnquotedFieldAsData() throws IOException {
    assertThat(parse("5\" screen,x\n").get(0).fields()).containsExactly("5\" screen", "x");
  }

  @Test
  @Tag("CSV-12")
  void reportsTextAfterAClosingQuoteAndCarriesOn() throws IOException {
    assertThat(parse("\"ab\"c,d\nnext\n"))
        .containsExactly(
            new Parsed(1, List.of("abc", "d"), "field 1 has text after its closing quote"),
            new Parsed(2, List.of("next"), null));
  }

  @Test
  void reportsAnUnterminatedQuoteNamingTheLineItOpenedOn() throws IOException {
    assertThat(parse("a,b\n1,2\n3,\"open\n4,5\n6,7\n"))
        .last()
        .isEqualTo(
            new Parsed(
                3,
                List.of("3", "open\n4,5\n6,7\n"),
                "the quoted field 2 opened on line 3 is not closed before the end of the input"));
  }

  @Test
  @Tag("CSV-14")
  void boundsTheLengthOfAField() throws IOException {
    try (CsvParser csv = new CsvParser(new StringReader("abcdef,g\nh\n"), 4, 10)) {
      assertThat(csv.next()).isTrue();
      assertThat(csv.fields()).containsExactly("abcd", "g");
      assertThat(csv.problem()).isEqualTo("field 1 is longer than 4 characters");
      assertThat(csv.next()).isTrue();
      assertThat(csv.problem()).isNull();
    }
  }

  @Test
  @Tag("CSV-14")
  void boundsTheNumberOfFields() throws IOException {
    try (CsvParser csv = new CsvParser(new StringReader("a,b,c\n"), 10, 2)) {
      assertThat(csv.next()).isTrue();
      assertThat(csv.fields()).containsExactly("a", "b");
      assertThat(csv.problem()).isEqualTo("the record has more than 2 fields");
    }
  }

  @Test
  void failsOnBytesThatAreNotUtf8NamingTheLine() throws IOException {
    byte[] bytes = {'a', '\n', 'b', (byte) 0xC3, '\n'};
    try (CsvParser csv = new CsvParser(CsvParser.utf8(new ByteArrayInputStream(bytes)))) {
      assertThat(csv.next()).isTrue();
      assertThat(csv.fields()).containsExactly("a");
      assertThatThrownBy(csv::next)
          .isInstanceOf(IOException.class)
          .hasMessage("line 2: the input is not valid UTF-8");
    }
  }

  @Test
  void decodesMultiByteCharactersSplitAcrossReads() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30_000; i++) {
      text.append("é€,").append(i).append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    int records = 0;
    try (CsvParser csv = new CsvParser(CsvParser.utf8(new ByteArrayInputStream(bytes)))) {
      while (csv.next()) {
        assertThat(csv.get(0)).isEqualTo("é€");
        records++;
      }
    }
    assertThat(records).isEqualTo(30_000);
  }

  @Test
  void readsAcrossBufferBoundaries() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(i).append(",\"q,").append(i).append("\"\r\n");
    }
    List<Parsed> records = parse(text.toString());
    assertThat(records).hasSize(20_000);
    assertThat(records.get(12_345))
        .isEqualTo(new Parsed(12_346, List.of("12345", "q,12345"), null));
  }
}
