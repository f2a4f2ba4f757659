package dev.chs.cli.output;

import dev.chs.cli.data.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a table as CSV through {@link CsvWriter}: a header row, then one record per row.
 *
 * <p>A text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is written with a leading {@code '}, so that a spreadsheet opening the file shows the
 * text instead of running it as a formula (an account id such as {@code =HYPERLINK(...)} would
 * otherwise become a live link). Number cells are never escaped: {@code -12.5} stays a number.
 *
 * @since 0.1.0
 */
final class CsvTableWriter implements TableWriter {
  private final Writer out;
  private final CsvWriter csv;
  private final List<String> columns;
  private int cells;

  CsvTableWriter(Writer out, List<String> columns) throws IOException {
    this.out = out;
    this.csv = new CsvWriter(out);
    this.columns = List.copyOf(columns);
    for (String column : this.columns) {
      csv.field(column);
    }
    csv.endRow();
  }

  /**
   * Returns the text as a spreadsheet should show it: with a leading {@code '} when it would
   * otherwise be run as a formula.
   *
   * @param text the cell's text
   * @return the text, escaped if needed
   */
  static String defuse(String text) {
    if (text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public TableWriter text(String value) throws IOException {
    next();
    csv.field(defuse(value));
    return this;
  }

  @Override
  public TableWriter number(double value) throws IOException {
    String text = NumberText.of(value);
    next();
    csv.field(text);
    return this;
  }

  @Override
  public TableWriter empty() throws IOException {
    next();
    csv.field("");
    return this;
  }

  @Override
  public void endRow() throws IOException {
    if (cells != columns.size()) {
      throw new IllegalStateException(
          "row: must have " + columns.size() + " cells, had " + cells);
    }
    csv.endRow();
    cells = 0;
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }

  private void next() {
    if (cells == columns.size()) {
      throw new IllegalStateException("row: has a cell for each of its " + cells + " columns");
    }
    cells++;
  }
}
