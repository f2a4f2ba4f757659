package dev.chs.cli.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming reader of RFC 4180 CSV records, one record at a time.
 *
 * <p>It reads fields separated by commas and records separated by LF, CRLF or a lone CR. A field
 * may be quoted with {@code "}; inside quotes, commas and line breaks are data and {@code ""} is
 * one quote. A byte-order mark at the very start is skipped. Lines that hold no character at all
 * are skipped: they are not records. Each record knows the physical line it starts on, counting
 * from 1, so that line numbers stay right after a field with an embedded line break.
 *
 * <p>A malformed record does not stop the reading. It is returned with a {@link #problem()}, and
 * the next call to {@link #next()} carries on with the following record. The problems are: text
 * after the closing quote of a field; a field longer than the field limit; more fields than the
 * field limit; and a quote that is still open at the end of the input, which makes the rest of the
 * input part of that one record. A quote inside an unquoted field is kept as data.
 *
 * <p>Memory is bounded by the limits, not by the input. A parser is a cursor over its input; it is
 * not safe for use by more than one thread.
 *
 * @since 0.1.0
 */
public final class CsvParser implements Closeable {
  /** The longest field kept by default, in characters. */
  public static final int DEFAULT_MAX_FIELD_LENGTH = 1 << 20;

  /** The most fields kept in one record by default. */
  public static final int DEFAULT_MAX_FIELDS = 10_000;

  private static final int END = -1;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Reader in;
  private final int maxFieldLength;
  private final int maxFields;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private boolean atStart = true;

  private long nextLine = 1;
  private long line;
  private @Nullable String problem;
  private char[] field = new char[128];
  private int fieldLength;
  private String[] fields = new String[16];
  private int size;

  /**
   * Creates a parser with the default limits.
   *
   * @param in the characters to parse; closed by {@link #close()}
   */
  public CsvParser(Reader in) {
    this(in, DEFAULT_MAX_FIELD_LENGTH, DEFAULT_MAX_FIELDS);
  }

  /**
   * Creates a parser.
   *
   * @param in the characters to parse; closed by {@link #close()}
   * @param maxFieldLength the longest field kept, in characters; at least 1
   * @param maxFields the most fields kept in one record; at least 1
   * @throws IllegalArgumentException if a limit is less than 1
   */
  public CsvParser(Reader in, int maxFieldLength, int maxFields) {
    if (maxFieldLength < 1 || maxFields < 1) {
      throw new IllegalArgumentException(
          "maxFieldLength, maxFields: must be >= 1, were " + maxFieldLength + ", " + maxFields);
    }
    this.in = in;
    this.maxFieldLength = maxFieldLength;
    this.maxFields = maxFields;
  }

  /**
   * Opens a UTF-8 file. Bytes that are not valid UTF-8 make {@link #next()} throw.
   *
   * @param file the file to read
   * @return a parser over the file
   * @throws IOException if the file cannot be opened
   */
  public static CsvParser open(Path file) throws IOException {
    return new CsvParser(utf8(Files.newInputStream(file)));
  }

  /**
   * Returns a reader that decodes strict UTF-8: a malformed byte sequence is an error, never a
   * replacement character.
   *
   * @param bytes the bytes to decode
   * @return a reader of the characters
   */
  public static Reader utf8(InputStream bytes) {
    return new StrictUtf8Reader(bytes);
  }

  /**
   * Moves to the next record.
   *
   * @return true if there is a record, false at the end of the input
   * @throws IOException if the input cannot be read, or is not valid UTF-8 (the message names the
   *     line)
   */
  public boolean next() throws IOException {
    size = 0;
    problem = null;
    if (!skipBlankLines()) {
      return false;
    }
    line = nextLine;
    while (true) {
      fieldLength = 0;
      int c = read();
      int end = c == '"' ? readQuoted() : readUnquoted(c);
      addField();
      if (end != ',') {
        return true;
      }
    }
  }

  /**
   * Returns the physical line, counting from 1, on which the current record starts.
   *
   * @return the line number
   */
  public long line() {
    return line;
  }

  /**
   * Returns what is wrong with the current record, or null if it is well formed.
   *
   * @return a description naming the line and field, or null
   */
  public @Nullable String problem() {
    return problem;
  }

  /**
   * Returns the number of fields in the current record.
   *
   * @return the number of fields; at least 1
   */
  public int size() {
    return size;
  }

  /**
   * Returns one field of the current record.
   *
   * @param index the field's position, from 0
   * @return the field's text; empty for an empty field, never null
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
   */
  public String get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index: must be in [0, " + size + "), was " + index);
    }
    return fields[index];
  }

  /**
   * Returns a copy of the fields of the current record.
   *
   * @return the fields, in order
   */
  public List<String> fields() {
    return List.of(Arrays.copyOf(fields, size));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Skips empty lines; returns false at the end of the input. */
  private boolean skipBlankLines() throws IOException {
    while (true) {
      int c = peek();
      if (c == END) {
        return false;
      } else if (c == '\n') {
        position++;
        nextLine++;
      } else if (c == '\r') {
        position++;
        if (peek() == '\n') {
          position++;
        }
        nextLine++;
      } else {
        return true;
      }
    }
  }

  /** Reads an unquoted field that starts with {@code c}; returns what ended it. */
  private int readUnquoted(int c) throws IOException {
    while (true) {
      switch (c) {
        case ',', END -> {
          return c;
        }
        case '\n' -> {
          nextLine++;
          return c;
        }
        case '\r' -> {
          if (peek() == '\n') {
            position++;
          }
          nextLine++;
          return c;
        }
        default -> {
          append((char) c);
          appendPlainRun();
          c = read();
        }
      }
    }
  }

  /** Appends the characters up to the next comma or line break that are already buffered. */
  private void appendPlainRun() {
    int from = position;
    while (position < limit) {
      char c = buffer[position];
      if (c == ',' || c == '\n' || c == '\r') {
        break;
      }
      position++;
    }
    int length = position - from;
    if (length > 0 && fieldLength + length <= maxFieldLength) {
      if (fieldLength + length > field.length) {
        field = Arrays.copyOf(field, Math.min(maxFieldLength, Math.max(fieldLength + length,
            field.length * 2)));
      }
      System.arraycopy(buffer, from, field, fieldLength, length);
      fieldLength += length;
    } else {
      for (int i = from; i < position; i++) {
        append(buffer[i]);
      }
    }
  }

  /** Reads a quoted field after its opening quote; returns what ended it. */
  private int readQuoted() throws IOException {
    long opened = nextLine;
    while (true) {
      int c = read();
      if (c == END) {
        setProblem(
            "the quoted field " + (size + 1) + " opened on line " + opened
                + " is not closed before the end of the input");
        return END;
      } else if (c == '"') {
        if (peek() != '"') {
          return afterClosingQuote();
        }
        position++;
        append('"');
      } else {
        if (c == '\n' || (c == '\r' && peek() != '\n')) {
          nextLine++;
        }
        append((char) c);
      }
    }
  }

  /** Reads to the end of a field after its closing quote; returns what ended it. */
  private int afterClosingQuote() throws IOException {
    int c = read();
    if (c == ',' || c == END || c == '\n' || c == '\r') {
      return readUnquoted(c);
    }
    setProblem("field " + (size + 1) + " has text after its closing quote");
    return readUnquoted(c);
  }

  private void append(char c) {
    if (fieldLength == maxFieldLength) {
      setProblem("field " + (size + 1) + " is longer than " + maxFieldLength + " characters");
      return;
    }
    if (fieldLength == field.length) {
      field = Arrays.copyOf(field, Math.min(maxFieldLength, field.length * 2));
    }
    field[fieldLength++] = c;
  }

  private void addField() {
    if (size == maxFields) {
      setProblem("the record has more than " + maxFields + " fields");
      return;
    }
    if (size == fields.length) {
      fields = Arrays.copyOf(fields, Math.min(maxFields, fields.length * 2));
    }
    fields[size++] = fieldLength == 0 ? "" : new String(field, 0, fieldLength);
  }

  private void setProblem(String text) {
    if (problem == null) {
      problem = text;
    }
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n;
    try {
      n = in.read(buffer, 0, buffer.length);
    } catch (CharacterCodingException e) {
      throw new IOException("line " + nextLine + ": the input is not valid UTF-8", e);
    }
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    if (atStart) {
      atStart = false;
      if (buffer[0] == BYTE_ORDER_MARK) {
        position = 1;
        return limit > 1 || fill();
      }
    }
    return true;
  }
}
