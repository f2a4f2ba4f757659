package dev.chs.learn.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal, strict CSV reader for the canonical data-set files: UTF-8, a header row, fields
 * separated by commas, optionally quoted with {@code "} ({@code ""} inside quotes is one quote).
 * A quoted field may not hold a line break. Blank lines are skipped. Any malformed line is an
 * error that names the file and the line.
 */
public final class Csv {
  private final Path file;
  private final Map<String, Integer> columns;
  private final List<String> header;
  private final List<Row> records;

  private Csv(Path file, List<String> header, List<Row> records) {
    this.file = file;
    this.header = List.copyOf(header);
    this.records = records;
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      byName.putIfAbsent(header.get(i), i);
    }
    this.columns = byName;
  }

  /** One data line: its fields and its line number, counting the header as line 1. */
  public record Row(long line, List<String> fields) {}

  /** Reads a whole file. */
  public static Csv read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> header = null;
      List<Row> records = new ArrayList<>();
      long line = 0;
      for (String text = readLine(in, file, line); text != null; text = readLine(in, file, line)) {
        line++;
        if (line == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        if (text.isBlank()) {
          continue;
        }
        List<String> fields = split(text, file, line);
        if (header == null) {
          header = fields;
        } else {
          records.add(new Row(line, fields));
        }
      }
      if (header == null) {
        throw new IOException(file + ": must start with a header row, was empty");
      }
      return new Csv(file, header, records);
    }
  }

  /**
   * Reads one line. The reader decodes ahead of the line it hands out, so bytes that are not
   * UTF-8 are placed only after the last line read, not on a line of their own.
   */
  private static String readLine(BufferedReader in, Path file, long linesRead)
      throws IOException {
    try {
      return in.readLine();
    } catch (CharacterCodingException e) {
      throw new IOException(file + ": must be UTF-8 text, has a malformed byte sequence after"
          + " line " + linesRead, e);
    }
  }

  /** Returns the file's path. */
  public Path file() {
    return file;
  }

  /** Returns the header's column names. */
  public List<String> header() {
    return header;
  }

  /** Returns the data lines. */
  public List<Row> records() {
    return records;
  }

  /** Returns the position of a column, or -1 if the header has none of that name. */
  public int column(String name) {
    return columns.getOrDefault(name, -1);
  }

  /** Returns the position of a column that the file must have. */
  public int requireColumn(String name) throws IOException {
    int at = column(name);
    if (at < 0) {
      throw new IOException(file + ": must have a column '" + name + "', header was " + header);
    }
    return at;
  }

  /** Returns a record's field, or the empty string if the record is short. */
  public static String field(Row record, int column) {
    return column < record.fields().size() ? record.fields().get(column) : "";
  }

  private static List<String> split(String text, Path file, long line) throws IOException {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (true) {
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new IOException(file + ", line " + line
                + ": a quoted field must close on its line, was left open");
          }
          char c = text.charAt(i++);
          if (c == '"') {
            if (i < n && text.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        if (i < n && text.charAt(i) != ',') {
          throw new IOException(file + ", line " + line
              + ": a closing quote must end its field, was followed by '" + text.charAt(i) + "'");
        }
      } else {
        while (i < n && text.charAt(i) != ',') {
          field.append(text.charAt(i++));
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i >= n) {
        return fields;
      }
      i++;
    }
  }
}
