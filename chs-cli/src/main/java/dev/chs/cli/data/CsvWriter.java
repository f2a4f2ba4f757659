package dev.chs.cli.data;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes RFC 4180 CSV, one field at a time. A field is quoted only when it holds a comma, a quote,
 * a line break or starts with a byte-order mark; quotes inside it are doubled. Records end with LF.
 *
 * <p>The writer adds no buffering of its own: give it a buffered writer. It is not safe for use by
 * more than one thread.
 *
 * @since 0.1.0
 */
public final class CsvWriter implements Closeable, Flushable {
  private final Writer out;
  private int fieldsInRow;
  private boolean lastFieldEmpty;

  /**
   * Creates a CSV writer.
   *
   * @param out where the text goes; closed by {@link #close()}
   */
  public CsvWriter(Writer out) {
    this.out = out;
  }

  /**
   * Writes a whole record.
   *
   * @param fields the fields, in order; an empty string is an empty field
   * @return this writer
   * @throws IOException if writing fails
   */
  public CsvWriter row(String... fields) throws IOException {
    for (String f : fields) {
      field(f);
    }
    return endRow();
  }

  /**
   * Writes one field of the current record, quoting it if it needs quotes.
   *
   * @param text the field's text; empty for an empty field
   * @return this writer
   * @throws IOException if writing fails
   */
  public CsvWriter field(String text) throws IOException {
    separate();
    lastFieldEmpty = text.isEmpty();
    if (!needsQuotes(text)) {
      out.write(text);
      return this;
    }
    out.write('"');
    int from = 0;
    for (int i = text.indexOf('"'); i >= 0; i = text.indexOf('"', from)) {
      out.write(text, from, i + 1 - from);
      out.write('"');
      from = i + 1;
    }
    out.write(text, from, text.length() - from);
    out.write('"');
    return this;
  }

  /**
   * Writes one field that is a whole number.
   *
   * @param value the number
   * @return this writer
   * @throws IOException if writing fails
   */
  public CsvWriter field(long value) throws IOException {
    separate();
    out.write(Long.toString(value));
    return this;
  }

  /**
   * Writes one field as it is, without looking for characters that need quotes. The caller
   * guarantees that it holds no comma, quote or line break, as in a number or a timestamp.
   *
   * @param text the field's text
   * @param from the index of its first character
   * @param length the number of characters
   * @return this writer
   * @throws IOException if writing fails
   */
  public CsvWriter plainField(char[] text, int from, int length) throws IOException {
    separate();
    out.write(text, from, length);
    return this;
  }

  /**
   * Ends the current record.
   *
   * @return this writer
   * @throws IOException if writing fails
   */
  public CsvWriter endRow() throws IOException {
    if (fieldsInRow == 1 && lastFieldEmpty) {
      // A bare empty line is skipped by readers; a lone empty field must be written as "".
      out.write("\"\"");
    }
    out.write('\n');
    fieldsInRow = 0;
    return this;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /**
   * Tells whether a field must be quoted to read back as the same text.
   *
   * @param text the field's text
   * @return true if it holds a comma, quote, CR or LF, or starts with a byte-order mark
   */
  public static boolean needsQuotes(String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  private void separate() throws IOException {
    if (fieldsInRow > 0) {
      out.write(',');
    }
    fieldsInRow++;
    lastFieldEmpty = false;
  }
}
