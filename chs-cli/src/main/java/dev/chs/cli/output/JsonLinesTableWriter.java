package dev.chs.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a table as JSON lines: each row one JSON object on its own line, its keys the column
 * names in order. Text cells are JSON strings, escaped by Jackson; number cells are JSON numbers
 * with the text {@link NumberText} gives; empty cells are {@code null}. No formula escaping is
 * done: JSON is not opened by spreadsheets.
 *
 * @since 0.1.0
 */
final class JsonLinesTableWriter implements TableWriter {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final JsonGenerator json;
  private final List<String> columns;
  private int cells;

  JsonLinesTableWriter(Writer out, List<String> columns) throws IOException {
    this.json = JSON.createGenerator(out);
    json.setRootValueSeparator(null);
    this.columns = List.copyOf(columns);
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public TableWriter text(String value) throws IOException {
    next();
    json.writeString(value);
    return this;
  }

  @Override
  public TableWriter number(double value) throws IOException {
    String text = NumberText.of(value);
    next();
    json.writeNumber(text);
    return this;
  }

  @Override
  public TableWriter empty() throws IOException {
    next();
    json.writeNull();
    return this;
  }

  @Override
  public void endRow() throws IOException {
    if (cells != columns.size()) {
      throw new IllegalStateException(
          "row: must have " + columns.size() + " cells, had " + cells);
    }
    json.writeEndObject();
    json.writeRaw('\n');
    cells = 0;
  }

  @Override
  public void close() throws IOException {
    json.close();
  }

  private void next() throws IOException {
    if (cells == columns.size()) {
      throw new IllegalStateException("row: has a cell for each of its " + cells + " columns");
    }
    if (cells == 0) {
      json.writeStartObject();
    }
    json.writeFieldName(columns.get(cells));
    cells++;
  }
}
