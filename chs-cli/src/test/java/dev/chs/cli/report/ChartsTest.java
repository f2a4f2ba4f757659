package dev.chs.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.Band;
import dev.chs.core.model.Bands;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartsTest {
  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  @Test
  void sparklineBreaksItsLineWhereAScoreIsMissing() {
    List<OptionalDouble> points = List.of(OptionalDouble.of(80), OptionalDouble.of(75),
        OptionalDouble.empty(), OptionalDouble.of(40), OptionalDouble.of(20));
    List<String> titles = List.of("a", "b", "c", "d", "e");

    String svg = Charts.sparkline(points, titles, Bands.DEFAULT, "history");

    assertThat(count(svg, "<polyline")).isEqualTo(2);
    assertThat(count(svg, "<circle")).isEqualTo(4);
    assertThat(svg).doesNotContain("<title>c</title>")
        .contains("fill=\"" + Charts.colour(Band.CRITICAL) + "\"><title>e</title>");
  }

  @Test
  void stackedBarSplitsItsWidthInProportion() {
    String svg = Charts.stacked(List.of(
        new Charts.Segment(1, "#111111", "one"), new Charts.Segment(0, "#222222", "none"),
        new Charts.Segment(3, "#333333", "three")), "bar");

    assertThat(svg)
        .contains("<rect x=\"0.0\" y=\"0\" width=\"65.0\" height=\"16\" fill=\"#111111\"")
        .contains("<rect x=\"65.0\" y=\"0\" width=\"195.0\" height=\"16\" fill=\"#333333\"");
    assertThat(svg).doesNotContain("none");
  }

  @Test
  void stripDrawsOneDotPerScoreInItsBandsColour() {
    ScoreSpread spread = new ScoreSpread(new double[] {10, 45, 90}, 50, 48.3, 0,
        Map.of(), Map.of(), 0);

    String svg = Charts.strip(spread, Bands.DEFAULT, "group");

    assertThat(count(svg, "<circle")).isEqualTo(3);
    for (Band band : List.of(Band.CRITICAL, Band.AT_RISK, Band.HEALTHY)) {
      assertThat(svg).contains("fill=\"" + Charts.colour(band) + "\" fill-opacity=\"0.55\"");
    }
  }
}
