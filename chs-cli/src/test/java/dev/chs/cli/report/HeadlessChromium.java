package dev.chs.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Debian's {@code chromium} headless on one local page, with a time limit, and reads what
 * the page wrote to its console.
 *
 * <p>With {@code --enable-logging=stderr --v=0}, Chromium writes each console message of the page,
 * and each uncaught script error, to standard error as a line tagged {@code CONSOLE}, such as
 * {@code [1:1:1203/131700.286:INFO:CONSOLE:2] "Uncaught ReferenceError: f is not defined", source:
 * file:///tmp/page.html (2)}. The line does not tell a {@code console.log} from a {@code
 * console.error}, so every console line counts: the report has no script, and a page without a
 * script writes nothing to its console. Chromium's own log lines (D-Bus, GPU) are not console
 * lines and are ignored.
 */
final class HeadlessChromium {
  /** Where Debian's package installs the browser. */
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private static final Pattern CONSOLE = Pattern.compile("^\\[[^\\]]*:CONSOLE[^\\]]*\\]\\s*(.*)$");
  private static final long TIMEOUT_SECONDS = 90;

  private final Path binary;
  private final Path profiles;

  private HeadlessChromium(Path binary, Path profiles) {
    this.binary = binary;
    this.profiles = profiles;
  }

  /**
   * Returns the browser, if it is installed.
   *
   * @param scratch a folder for fresh user-data folders, one per run
   * @return the browser, or empty when {@link #BINARY} is not an executable file
   */
  static Optional<HeadlessChromium> find(Path scratch) {
    return Files.isExecutable(BINARY)
        ? Optional.of(new HeadlessChromium(BINARY, scratch))
        : Optional.empty();
  }

  /**
   * What one run of the browser left behind.
   *
   * @param exitCode the process's exit code
   * @param console the page's console lines, in order, each without Chromium's prefix
   * @param stdout what the browser wrote to standard output, such as the DOM for {@code
   *     --dump-dom}
   * @param stderr all of standard error, for failure messages
   */
  record Run(int exitCode, List<String> console, String stdout, String stderr) {}

  /**
   * Loads a page and takes a screenshot of its first {@code width x height} pixels.
   *
   * @param page the HTML file
   * @param screenshot where to write the PNG
   * @param width the window's width in pixels
   * @param height the window's height in pixels
   * @return the run
   * @throws IOException if the browser cannot be started or its output read
   * @throws InterruptedException if interrupted while waiting
   */
  Run screenshot(Path page, Path screenshot, int width, int height)
      throws IOException, InterruptedException {
    return run(page, "--screenshot=" + screenshot.toAbsolutePath(),
        "--window-size=" + width + "," + height, "--hide-scrollbars");
  }

  /**
   * Loads a page and writes its DOM, as parsed, to standard output.
   *
   * @param page the HTML file
   * @return the run, with the serialized DOM in {@link Run#stdout()}
   * @throws IOException if the browser cannot be started or its output read
   * @throws InterruptedException if interrupted while waiting
   */
  Run dumpDom(Path page) throws IOException, InterruptedException {
    return run(page, "--dump-dom");
  }

  private Run run(Path page, String... action) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(profiles, "profile-");
    Path out = profile.resolveSibling(profile.getFileName() + ".out");
    Path err = profile.resolveSibling(profile.getFileName() + ".err");
    List<String> command = new ArrayList<>(List.of(
        binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
    command.addAll(List.of(action));
    command.add(page.toAbsolutePath().toUri().toString());
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: "
          + String.join(" ", command));
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    return new Run(process.exitValue(), consoleLines(stderr),
        Files.readString(out, StandardCharsets.UTF_8), stderr);
  }

  /**
   * Picks the console lines out of Chromium's standard error.
   *
   * @param stderr the browser's standard error
   * @return the console messages, in order
   */
  static List<String> consoleLines(String stderr) {
    List<String> lines = new ArrayList<>();
    for (String line : stderr.split("\\R")) {
      Matcher matcher = CONSOLE.matcher(line);
      if (matcher.matches()) {
        lines.add(matcher.group(1));
      }
    }
    return lines;
  }
}
