package dev.chs.cli.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Writes a table row by row, cell by cell, in one of the {@link OutputFormat}s. Each cell is text,
 * a number or empty, and each row must have exactly as many cells as there are columns.
 *
 * <p>A table writer does not own the {@link Writer} it writes to: {@link #close()} ends the table
 * and flushes, but leaves the writer open, so that a command can write to standard output. It is
 * not safe for use by more than one thread.
 *
 * @since 0.1.0
 */
public interface TableWriter extends Closeable {
  /**
   * Returns the columns, in order.
   *
   * @return the column names
   */
  List<String> columns();

  /**
   * Writes a text cell.
   *
   * @param value the text; an empty string is written as an empty text cell
   * @return this writer
   * @throws IOException if writing fails
   * @throws IllegalStateException if the row already has a cell for every column
   */
  TableWriter text(String value) throws IOException;

  /**
   * Writes a number cell, as {@link NumberText} describes.
   *
   * @param value the number; finite
   * @return this writer
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if {@code value} is not finite
   * @throws IllegalStateException if the row already has a cell for every column
   */
  TableWriter number(double value) throws IOException;

  /**
   * Writes an empty cell: unknown or unscored. CSV writes an empty field; JSON lines write {@code
   * null}.
   *
   * @return this writer
   * @throws IOException if writing fails
   * @throws IllegalStateException if the row already has a cell for every column
   */
  TableWriter empty() throws IOException;

  /**
   * Ends the current row.
   *
   * @throws IOException if writing fails
   * @throws IllegalStateException if the row has fewer cells than there are columns
   */
  void endRow() throws IOException;

  /**
   * Writes a number cell, or an empty cell when there is no number.
   *
   * @param value the number, if any; finite
   * @return this writer
   * @throws IOException if writing fails
   */
  default TableWriter number(OptionalDouble value) throws IOException {
    return value.isPresent() ? number(value.getAsDouble()) : empty();
  }

  /**
   * Ends the table and flushes it to its writer, which stays open.
   *
   * @throws IOException if writing fails
   */
  @Override
  void close() throws IOException;
}
