package dev.chs.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CsvRoundTripProperties {
  @Property(tries = 500)
  void rowsWrittenWithQuotesParseBackToTheSameFields(
      @ForAll("tables") List<List<String>> rows) throws IOException {
    StringWriter text = new StringWriter();
    CsvWriter csv = new CsvWriter(text);
    for (List<String> row : rows) {
      csv.row(row.toArray(new String[0]));
    }

    List<List<String>> parsed = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (CsvParser parser = new CsvParser(new StringReader(text.toString()))) {
      while (parser.next()) {
        assertThat(parser.problem()).isNull();
        parsed.add(parser.fields());
        lines.add(parser.line());
      }
    }

    assertThat(parsed).isEqualTo(rows);
    long line = 1;
    for (int i = 0; i < rows.size(); i++) {
      assertThat(lines.get(i)).isEqualTo(line);
      line += 1 + rows.get(i).stream().mapToLong(CsvRoundTripProperties::lineBreaks).sum();
    }
  }

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> field =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("ab,\"\r\n \uFEFFé€").ofMaxLength(8),
            Arbitraries.strings().all().ofMaxLength(5));
    return field.list().ofMinSize(1).ofMaxSize(6).list().ofMaxSize(8);
  }

  private static long lineBreaks(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    return n;
  }
}
