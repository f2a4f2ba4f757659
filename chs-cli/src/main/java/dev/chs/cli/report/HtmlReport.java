package dev.chs.cli.report;

import java.io.IOException;
import java.io.Writer;

/** Writes the self-contained HTML report. A placeholder until the report lands. */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * Writes the report.
   *
   * @param data what to show
   * @param out where to write the HTML
   * @throws IOException if writing fails
   */
  public static void write(ReportData data, Writer out) throws IOException {
    out.write("<!doctype html><title>chs</title><p>The report is not written yet.</p>\n");
  }
}
