package dev.chs.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration test of the report in a real browser: headless Chromium opens the sample report,
 * which must render without a console message, and leaves a screenshot at {@code
 * target/report.png}.
 *
 * <p>Without {@code /usr/bin/chromium} the test is skipped, except on CI (the variable {@code CI}
 * is set), where it fails: CI must install Debian's {@code chromium}.
 */
class HtmlReportChromiumIntegrationTest {
  private static final Path TARGET = Path.of("target");
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2400;

  @TempDir Path scratch;

  private HeadlessChromium chromium;

  @BeforeEach
  void findChromium() {
    chromium = HeadlessChromium.find(scratch).orElse(null);
    if (chromium == null && System.getenv("CI") != null) {
      fail(HeadlessChromium.BINARY + " is missing, and CI is set: CI must install Debian's"
          + " chromium package (apt-get install -y chromium) to test the report");
    }
    assumeTrue(chromium != null, HeadlessChromium.BINARY + " is missing, so the report is not"
        + " tested in a browser; install Debian's chromium package to run this test");
  }

  @Test
  void sampleReportRendersWithoutConsoleMessagesAndLeavesAScreenshot() throws Exception {
    Files.createDirectories(TARGET);
    Path page = TARGET.resolve("report.html");
    Files.writeString(page, SampleReport.html(SampleReport.data()), StandardCharsets.US_ASCII);
    Path screenshot = TARGET.resolve("report.png");
    Files.deleteIfExists(screenshot);

    HeadlessChromium.Run run = chromium.screenshot(page, screenshot, WIDTH, HEIGHT);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.console()).as("console messages of the report").isEmpty();
    assertThat(pngSize(screenshot)).containsExactly(WIDTH, HEIGHT);
    assertThat(Files.size(screenshot)).as("a blank page compresses to almost nothing")
        .isGreaterThan(50_000);
  }

  @Test
  void browserParsesAHostileNameAsTextAlone() throws Exception {
    Path page = scratch.resolve("hostile.html");
    Files.writeString(page, SampleReport.html(HostileNames.data()), StandardCharsets.US_ASCII);

    HeadlessChromium.Run run = chromium.dumpDom(page);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.console()).isEmpty();
    assertThat(run.stdout()).contains("id=\"watchlist\"", "id=\"support\"")
        .contains(HostileNames.ESCAPED_IN_DOM)
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<img");
  }

  @Test
  void detectsConsoleErrorsAndScriptErrors() throws Exception {
    Path bad = scratch.resolve("bad.html");
    Files.writeString(bad, "<!DOCTYPE html><html><head><title>bad</title></head><body><p>x</p>"
        + "<script>console.error('deliberate console error');</script>"
        + "<script>notAFunctionAnywhere();</script></body></html>");
    Path good = scratch.resolve("good.html");
    Files.writeString(good, "<!DOCTYPE html><html><head><title>good</title></head><body>"
        + "<p>x</p></body></html>");

    HeadlessChromium.Run failing = chromium.dumpDom(bad);
    HeadlessChromium.Run passing = chromium.dumpDom(good);

    assertThat(failing.console()).as(failing.stderr()).hasSize(2);
    assertThat(failing.console().get(0)).contains("deliberate console error");
    assertThat(failing.console().get(1)).contains("Uncaught ReferenceError");
    assertThat(passing.console()).as(passing.stderr()).isEmpty();
  }

  /** Reads the width and height from a PNG's header chunk. */
  private static int[] pngSize(Path png) throws IOException {
    try (InputStream in = Files.newInputStream(png);
        DataInputStream data = new DataInputStream(in)) {
      byte[] signature = new byte[8];
      data.readFully(signature);
      assertThat(new String(signature, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
      data.readInt(); // the length of the header chunk
      byte[] type = new byte[4];
      data.readFully(type);
      assertThat(new String(type, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
      return new int[] {data.readInt(), data.readInt()};
    }
  }
}
