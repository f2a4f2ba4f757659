package dev.chs.kpis;

import dev.chs.api.kpi.KpiState;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The serialized state of a count KPI, written by hand, for the stores' examples. */
final class CountStates {
  private CountStates() {}

  /**
   * Returns the bytes of a count KPI's state over {@link Fixtures#WINDOW}: the header of version
   * 1, then each count as a long.
   */
  static byte[] written(String kpiId, long... counts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      KpiState.writeHeader(out, kpiId, 1, Fixtures.WINDOW);
      for (long count : counts) {
        out.writeLong(count);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }
}
