package dev.chs.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TableWriterTest {
  private final StringWriter out = new StringWriter();

  @Test
  void csv_textThatWouldRunAsAFormula_getsALeadingQuote() throws IOException {
    try (TableWriter table = OutputFormat.CSV.open(out, List.of("a", "b", "c", "d", "e", "f"))) {
      table.text("=HYPERLINK(\"http://x\",\"y\")").text("+1").text("-1").text("@SUM(A1)")
          .text("\tx").text("\rx");
      table.endRow();
      table.text("plain").text("a=b").text("").text("'quoted").text("1-2").text("ok");
      table.endRow();
    }

    assertThat(out.toString()).isEqualTo("a,b,c,d,e,f\n"
        + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-1,'@SUM(A1),'\tx,\"'\rx\"\n"
        + "plain,a=b,,'quoted,1-2,ok\n");
  }

  @Test
  void csv_numbers_areNeverEscaped() throws IOException {
    try (TableWriter table = OutputFormat.CSV.open(out, List.of("n", "m", "e"))) {
      table.number(-12.5).number(OptionalDouble.of(-0.25)).number(OptionalDouble.empty());
      table.endRow();
    }

    assertThat(out.toString()).isEqualTo("n,m,e\n-12.5,-0.25,\n");
  }

  @Test
  void jsonl_writesOneObjectPerLine_withNullForEmptyCells() throws IOException {
    try (TableWriter table = OutputFormat.JSONL.open(out, List.of("id", "score", "band"))) {
      table.text("=A \"1\"\n\u2028").number(61.5).empty();
      table.endRow();
      table.text("B").number(-0.0).text("WATCH");
      table.endRow();
    }

    assertThat(out.toString()).isEqualTo(
        "{\"id\":\"=A \\\"1\\\"\\n\u2028\",\"score\":61.5,\"band\":null}\n"
            + "{\"id\":\"B\",\"score\":0,\"band\":\"WATCH\"}\n");
  }

  @Test
  void endRow_withTooFewCells_throws() throws IOException {
    TableWriter table = OutputFormat.CSV.open(out, List.of("a", "b"));
    table.text("x");

    assertThatThrownBy(table::endRow).isInstanceOf(IllegalStateException.class)
        .hasMessage("row: must have 2 cells, had 1");
  }

  @Test
  void cell_beyondTheLastColumn_throws() throws IOException {
    TableWriter table = OutputFormat.JSONL.open(out, List.of("a"));
    table.text("x");

    assertThatThrownBy(() -> table.text("y")).isInstanceOf(IllegalStateException.class);
  }
}
