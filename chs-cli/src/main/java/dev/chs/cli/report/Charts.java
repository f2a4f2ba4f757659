package dev.chs.cli.report;

import dev.chs.api.Band;
import dev.chs.core.model.Bands;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Draws the report's charts as inline SVG: no library, no script, nothing to fetch.
 *
 * <p>Every label that comes from input must already be escaped by the caller, as with {@link
 * HtmlText#escape}; coordinates are written with one decimal in {@link Locale#ROOT}, so the same
 * data draws the same bytes. Stateless and thread-safe.
 */
final class Charts {
  /** The colour of scores and revenue without a score. */
  static final String UNSCORED = "#adb5bd";

  /** The colour of expected loss in the revenue charts. */
  static final String LOSS = "#7048e8";

  /** The spacing of the dots' vertical jitter: the golden ratio spreads them evenly. */
  private static final double GOLDEN = 0.6180339887498949;

  private Charts() {}

  /**
   * Returns the colour of a band, the same wherever the report shows it.
   *
   * @param band the band
   * @return a CSS colour
   */
  static String colour(Band band) {
    return switch (band) {
      case HEALTHY -> "#2f9e44";
      case WATCH -> "#e8a700";
      case AT_RISK -> "#f76707";
      case CRITICAL -> "#c92a2a";
    };
  }

  /**
   * Draws the scores of a group as a strip of dots over the model's bands, with a box from the
   * lower to the upper quartile, a line at the median, whiskers to the lowest and highest score,
   * and a dark tick at the ARR-weighted mean.
   *
   * @param spread the scores
   * @param bands the model's band thresholds, shaded behind the dots
   * @param label an accessible description of the group, already escaped
   * @return the SVG element
   */
  static String strip(ScoreSpread spread, Bands bands, String label) {
    int width = 360;
    int height = 44;
    Frame frame = new Frame(width, 6);
    StringBuilder svg = open(width, height, label + ": the spread of its scores");
    shadeBands(svg, frame, bands, 2, height - 4);
    double middle = height / 2.0;
    double[] scores = spread.scores();
    for (int i = 0; i < scores.length; i++) {
      double jitter = ((i * GOLDEN) % 1.0 - 0.5) * (height - 14);
      svg.append("<circle cx=\"").append(n(frame.x(scores[i]))).append("\" cy=\"")
          .append(n(middle + jitter)).append("\" r=\"1.9\" fill=\"")
          .append(colour(bands.of(scores[i]))).append("\" fill-opacity=\"0.55\"/>");
    }
    if (scores.length > 0) {
      box(svg, frame, spread, middle);
    }
    if (!Double.isNaN(spread.weightedMean())) {
      double x = frame.x(spread.weightedMean());
      svg.append("<path d=\"M").append(n(x - 4)).append(" 0 L").append(n(x + 4)).append(" 0 L")
          .append(n(x)).append(" 5 Z\" fill=\"#1d3557\"/>");
      svg.append("<line x1=\"").append(n(x)).append("\" x2=\"").append(n(x))
          .append("\" y1=\"4\" y2=\"").append(height - 4)
          .append("\" stroke=\"#1d3557\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>");
    }
    return svg.append("</svg>").toString();
  }

  private static void box(StringBuilder svg, Frame frame, ScoreSpread spread, double middle) {
    double low = frame.x(spread.quantile(0));
    double q1 = frame.x(spread.quantile(0.25));
    double median = frame.x(spread.quantile(0.5));
    double q3 = frame.x(spread.quantile(0.75));
    double high = frame.x(spread.quantile(1));
    String stroke = "stroke=\"#343a40\" stroke-width=\"1.2\"";
    svg.append("<line x1=\"").append(n(low)).append("\" x2=\"").append(n(q1)).append("\" y1=\"")
        .append(n(middle)).append("\" y2=\"").append(n(middle)).append("\" ").append(stroke)
        .append("/>");
    svg.append("<line x1=\"").append(n(q3)).append("\" x2=\"").append(n(high)).append("\" y1=\"")
        .append(n(middle)).append("\" y2=\"").append(n(middle)).append("\" ").append(stroke)
        .append("/>");
    svg.append("<rect x=\"").append(n(q1)).append("\" y=\"").append(n(middle - 8))
        .append("\" width=\"").append(n(Math.max(q3 - q1, 0.5))).append("\" height=\"16\"")
        .append(" fill=\"#ffffff\" fill-opacity=\"0.6\" ").append(stroke).append(" rx=\"2\"/>");
    svg.append("<line x1=\"").append(n(median)).append("\" x2=\"").append(n(median))
        .append("\" y1=\"").append(n(middle - 8)).append("\" y2=\"").append(n(middle + 8))
        .append("\" stroke=\"#343a40\" stroke-width=\"2.4\"/>");
  }

  /**
   * Draws the 0 to 100 axis that sits above the strips, with a tick at each band threshold.
   *
   * @param bands the model's band thresholds
   * @return the SVG element
   */
  static String axis(Bands bands) {
    int width = 360;
    Frame frame = new Frame(width, 6);
    StringBuilder svg = open(width, 18, "score axis from 0 to 100");
    double[] ticks = {0, bands.atRisk(), bands.watch(), bands.healthy(), 100};
    for (double tick : ticks) {
      svg.append("<text x=\"").append(n(frame.x(tick))).append("\" y=\"12\" text-anchor=\"middle\"")
          .append(" class=\"tick\">").append(Figures.score(tick).replace(".0", ""))
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  /**
   * A part of a stacked bar.
   *
   * @param value its size; at least zero
   * @param colour its CSS colour
   * @param title what a reader sees when pointing at it, already escaped
   */
  record Segment(double value, String colour, String title) {}

  /**
   * Draws one bar split into parts in proportion to their values.
   *
   * @param segments the parts, left to right
   * @param label an accessible description, already escaped
   * @return the SVG element; an empty grey bar if every value is zero
   */
  static String stacked(List<Segment> segments, String label) {
    int width = 260;
    int height = 16;
    StringBuilder svg = open(width, height, label);
    double total = 0;
    for (Segment segment : segments) {
      total += segment.value();
    }
    svg.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" fill=\"#f1f3f5\" rx=\"3\"/>");
    double x = 0;
    for (Segment segment : segments) {
      if (total <= 0 || segment.value() <= 0) {
        continue;
      }
      double w = segment.value() / total * width;
      svg.append("<rect x=\"").append(n(x)).append("\" y=\"0\" width=\"").append(n(w))
          .append("\" height=\"").append(height).append("\" fill=\"").append(segment.colour())
          .append("\"><title>").append(segment.title()).append("</title></rect>");
      x += w;
    }
    return svg.append("</svg>").toString();
  }

  /**
   * A row of bars in a bar chart, all drawn against the chart's largest value.
   *
   * @param label the row's label, already escaped
   * @param values the row's values, one per series; each at least zero
   */
  // Never compared or hashed: a row is drawn once, so the identity equality of its array, which
  // the check warns of, does not matter.
  @SuppressWarnings("ArrayRecordComponent")
  record BarRow(String label, double[] values) {}

  /**
   * Draws a horizontal bar chart with a group of bars per row, one bar per series.
   *
   * @param rows the rows, top to bottom
   * @param colours the colour of each series
   * @param label an accessible description, already escaped
   * @return the SVG element
   */
  static String bars(List<BarRow> rows, String[] colours, String label) {
    int width = 520;
    int labelWidth = 110;
    int valueWidth = 90;
    int bar = 10;
    int rowHeight = colours.length * (bar + 2) + 10;
    int height = rows.size() * rowHeight + 4;
    double max = 0;
    for (BarRow row : rows) {
      for (double value : row.values()) {
        max = Math.max(max, value);
      }
    }
    StringBuilder svg = open(width, height, label);
    double room = width - labelWidth - valueWidth;
    for (int r = 0; r < rows.size(); r++) {
      BarRow row = rows.get(r);
      double top = r * rowHeight + 4;
      svg.append("<text x=\"").append(labelWidth - 8).append("\" y=\"")
          .append(n(top + rowHeight / 2.0)).append("\" text-anchor=\"end\" class=\"label\">")
          .append(row.label()).append("</text>");
      for (int s = 0; s < colours.length; s++) {
        double value = row.values()[s];
        double w = max > 0 ? value / max * room : 0;
        double y = top + s * (bar + 2);
        svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(n(y))
            .append("\" width=\"").append(n(Math.max(w, value > 0 ? 1 : 0))).append("\" height=\"")
            .append(bar).append("\" fill=\"").append(colours[s]).append("\" rx=\"1.5\"/>");
        svg.append("<text x=\"").append(n(labelWidth + w + 4)).append("\" y=\"")
            .append(n(y + bar - 1.5)).append("\" class=\"value\">").append(Figures.amount(value))
            .append("</text>");
      }
    }
    return svg.append("</svg>").toString();
  }

  /**
   * Draws a score over time as a line on a 0 to 100 scale, broken where a score is missing, with
   * a dot at each score and faint lines at the thresholds of the exposed bands.
   *
   * @param points the scores, oldest first; empty where there is none
   * @param titles what a reader sees when pointing at each point, already escaped
   * @param bands the model's band thresholds
   * @param label an accessible description, already escaped
   * @return the SVG element
   */
  static String sparkline(
      List<OptionalDouble> points, List<String> titles, Bands bands, String label) {
    int width = 132;
    int height = 32;
    double step = points.size() > 1 ? (width - 8.0) / (points.size() - 1) : 0;
    StringBuilder svg = open(width, height, label);
    for (double threshold : new double[] {bands.watch(), bands.atRisk()}) {
      double y = sparkY(threshold, height);
      svg.append("<line x1=\"0\" x2=\"").append(width).append("\" y1=\"").append(n(y))
          .append("\" y2=\"").append(n(y)).append("\" stroke=\"#dee2e6\" stroke-width=\"1\"/>");
    }
    List<String> run = new ArrayList<>();
    for (int i = 0; i <= points.size(); i++) {
      if (i < points.size() && points.get(i).isPresent()) {
        run.add(n(4 + i * step) + "," + n(sparkY(points.get(i).getAsDouble(), height)));
      } else if (!run.isEmpty()) {
        svg.append("<polyline points=\"").append(String.join(" ", run))
            .append("\" fill=\"none\" stroke=\"#495057\" stroke-width=\"1.4\"/>");
        run.clear();
      }
    }
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).isEmpty()) {
        continue;
      }
      double score = points.get(i).getAsDouble();
      boolean last = i == points.size() - 1;
      svg.append("<circle cx=\"").append(n(4 + i * step)).append("\" cy=\"")
          .append(n(sparkY(score, height))).append("\" r=\"").append(last ? "2.8" : "1.6")
          .append("\" fill=\"").append(colour(bands.of(score))).append("\"><title>")
          .append(titles.get(i)).append("</title></circle>");
    }
    return svg.append("</svg>").toString();
  }

  private static double sparkY(double score, int height) {
    return 3 + (100 - score) / 100 * (height - 6);
  }

  private static void shadeBands(StringBuilder svg, Frame frame, Bands bands, int top, int bottom) {
    double[] edges = {0, bands.atRisk(), bands.watch(), bands.healthy(), 100};
    Band[] order = {Band.CRITICAL, Band.AT_RISK, Band.WATCH, Band.HEALTHY};
    for (int i = 0; i < order.length; i++) {
      double from = frame.x(edges[i]);
      double to = frame.x(edges[i + 1]);
      svg.append("<rect x=\"").append(n(from)).append("\" y=\"").append(top)
          .append("\" width=\"").append(n(Math.max(0, to - from))).append("\" height=\"")
          .append(bottom - top).append("\" fill=\"").append(colour(order[i]))
          .append("\" fill-opacity=\"0.09\"/>");
    }
  }

  private static StringBuilder open(int width, int height, String label) {
    return new StringBuilder(1024)
        .append("<svg width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
        .append(' ').append(height).append("\" role=\"img\" aria-label=\"").append(label)
        .append("\">");
  }

  /** Writes a coordinate with one decimal. */
  private static String n(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Maps a score in [0, 100] to an x coordinate, with a margin on either side. */
  private record Frame(int width, int margin) {
    double x(double score) {
      return margin + Math.max(0, Math.min(100, score)) / 100 * (width - 2.0 * margin);
    }
  }
}
