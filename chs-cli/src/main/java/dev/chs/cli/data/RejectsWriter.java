package dev.chs.cli.data;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes rejected rows as {@code rejects.csv}: the header {@code file,line,reason}, then one record
 * per {@link Reject}, quoted as RFC 4180 requires. It is a {@code Consumer<Reject>}, so it plugs
 * straight into {@link DataSetReader#read}.
 *
 * <p>Not safe for use by more than one thread.
 *
 * @since 0.1.0
 */
public final class RejectsWriter implements Consumer<Reject>, Closeable, Flushable {
  private final CsvWriter csv;
  private long written;

  /**
   * Creates a writer and writes the header.
   *
   * @param out where the CSV goes; closed by {@link #close()}
   * @throws UncheckedIOException if the header cannot be written
   */
  public RejectsWriter(Writer out) {
    this.csv = new CsvWriter(out);
    try {
      csv.row("file", "line", "reason");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates or replaces a UTF-8 file and writes the header.
   *
   * @param file the file to write, such as {@code out/rejects.csv}
   * @return the writer
   * @throws IOException if the file cannot be created
   */
  public static RejectsWriter open(Path file) throws IOException {
    BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new RejectsWriter(out);
  }

  /**
   * Writes one rejected row.
   *
   * @param reject the row
   * @throws UncheckedIOException if writing fails
   */
  @Override
  public void accept(Reject reject) {
    try {
      csv.field(reject.file()).field(reject.line()).field(reject.reason()).endRow();
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns how many rows have been written, not counting the header.
   *
   * @return the number of rejects written
   */
  public long written() {
    return written;
  }

  @Override
  public void flush() throws IOException {
    csv.flush();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
