package dev.chs.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The formats that tables are written in.
 *
 * @since 0.1.0
 */
public enum OutputFormat {
  /**
   * RFC 4180 CSV with a header row, records ending with LF. Text that a spreadsheet would run as a
   * formula gets a leading {@code '}; see {@link CsvTableWriter}.
   */
  CSV,
  /**
   * JSON lines: one JSON object per row, keys in the order of the columns, and {@code null} for an
   * empty cell.
   */
  JSONL;

  /**
   * Starts a table in this format.
   *
   * @param out where the table goes; it stays open when the table is closed
   * @param columns the column names, in order; not empty
   * @return the table writer
   * @throws IOException if the header cannot be written
   */
  public TableWriter open(Writer out, List<String> columns) throws IOException {
    return this == CSV ? new CsvTableWriter(out, columns) : new JsonLinesTableWriter(out, columns);
  }
}
