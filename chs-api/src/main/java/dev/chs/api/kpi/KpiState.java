package dev.chs.api.kpi;

import dev.chs.api.Window;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The header that starts the serialized form of every accumulator, so that a reader can tell which
 * KPI wrote it, in which version of its form, and for which window.
 *
 * <p>The header is, in {@link DataOutput} encoding:
 *
 * <ol>
 *   <li>the KPI id, as {@link DataOutput#writeUTF modified UTF-8};
 *   <li>the version of the KPI's form, as an unsigned byte;
 *   <li>the window's as-of instant: epoch seconds as a long, then nanoseconds as an int;
 *   <li>the window's length: seconds as a long, then nanoseconds as an int.
 * </ol>
 *
 * <p>What follows the header is the KPI's own, documented with the KPI.
 *
 * @since 0.1.0
 */
public final class KpiState {
  private KpiState() {}

  /**
   * Writes a header.
   *
   * @param out the output
   * @param kpiId the id of the KPI whose state follows
   * @param version the version of the KPI's form, from 0 to 255
   * @param window the accumulator's window
   * @throws IOException if the output fails
   */
  public static void writeHeader(DataOutput out, String kpiId, int version, Window window)
      throws IOException {
    out.writeUTF(kpiId);
    out.writeByte(version);
    Instant asOf = window.asOf();
    Duration length = window.length();
    out.writeLong(asOf.getEpochSecond());
    out.writeInt(asOf.getNano());
    out.writeLong(length.toSeconds());
    out.writeInt(length.toNanosPart());
  }

  /**
   * Reads a header and checks that {@code kpiId} wrote it in {@code version} of its form.
   *
   * @param in the input
   * @param kpiId the id of the KPI expected
   * @param version the version of the form that the caller reads
   * @return the window of the accumulator that follows
   * @throws IOException if the input fails, or holds another KPI, another version or an impossible
   *     window
   */
  public static Window readHeader(DataInput in, String kpiId, int version) throws IOException {
    return readHeader(in, kpiId, version, version).window();
  }

  /**
   * Reads a header and checks that {@code kpiId} wrote it in a version of its form from {@code
   * oldest} to {@code newest}, for a KPI that still reads the forms that earlier releases wrote.
   *
   * @param in the input
   * @param kpiId the id of the KPI expected
   * @param oldest the oldest version of the form that the caller reads
   * @param newest the newest version of the form that the caller reads, at least {@code oldest}
   * @return the version found and the window of the accumulator that follows
   * @throws IOException if the input fails, or holds another KPI, a version outside the range or
   *     an impossible window
   * @throws IllegalArgumentException if {@code newest} is less than {@code oldest}
   */
  public static Header readHeader(DataInput in, String kpiId, int oldest, int newest)
      throws IOException {
    if (newest < oldest) {
      throw new IllegalArgumentException(
          "newest: must be >= oldest (" + oldest + "), was " + newest);
    }
    String id = in.readUTF();
    if (!id.equals(kpiId)) {
      throw new IOException(
          "accumulator state: expected KPI '" + kpiId + "', found '" + id + "'");
    }
    int found = in.readUnsignedByte();
    if (found < oldest || found > newest) {
      String expected = oldest == newest ? "version " + oldest
          : "version " + oldest + " to " + newest;
      throw new IOException(
          "accumulator state of '" + kpiId + "': expected " + expected
              + ", found version " + found);
    }
    long asOfSeconds = in.readLong();
    int asOfNanos = in.readInt();
    long lengthSeconds = in.readLong();
    int lengthNanos = in.readInt();
    try {
      return new Header(found, new Window(
          Instant.ofEpochSecond(asOfSeconds, asOfNanos),
          Duration.ofSeconds(lengthSeconds, lengthNanos)));
    } catch (RuntimeException e) {
      throw new IOException(
          "accumulator state of '" + kpiId + "': impossible window (possible corruption): "
              + e.getMessage(), e);
    }
  }

  /**
   * A header as read: the version of the form that follows, and the accumulator's window.
   *
   * @param version the version of the KPI's form, from 0 to 255
   * @param window the accumulator's window; not null
   * @since 0.1.0
   */
  public record Header(int version, Window window) {}

  /**
   * Checks that two accumulators of one KPI cover the same window, as merging requires.
   *
   * @param kpiId the id of the KPI, for the message
   * @param mine the window of the accumulator merged into
   * @param theirs the window of the accumulator merged from
   * @throws IllegalArgumentException if the windows differ
   */
  public static void requireSameWindow(String kpiId, Window mine, Window theirs) {
    if (!mine.equals(theirs)) {
      throw new IllegalArgumentException(
          "merge of '" + kpiId + "': other accumulator's window must be " + mine + ", was "
              + theirs);
    }
  }
}
