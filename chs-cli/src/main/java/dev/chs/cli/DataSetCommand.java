package dev.chs.cli;

import dev.chs.cli.data.DataSetSource;
import dev.chs.cli.data.RejectsWriter;
import dev.chs.core.model.HealthModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that reads a data-set folder, scores it and writes one output: {@code score}, {@code
 * report}, {@code watchlist}. It owns what they share: the options of {@link RunOptions} and the
 * rejects file; {@link ReportedRun} gives the exit codes and standard error's summary line.
 */
abstract class DataSetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RunOptions run;

  /**
   * Returns the file to write.
   *
   * @return the file, or null for standard output
   */
  abstract @Nullable Path outputFile();

  /**
   * Returns the run that scores what this command needs; by default T and T - W.
   *
   * @param model the model
   * @return the run
   */
  PortfolioRun plan(HealthModel model) {
    return PortfolioRun.of(model, run.asOf);
  }

  /**
   * Writes the command's output.
   *
   * @param portfolio the scored portfolio
   * @param out where to write; the caller flushes and closes it
   * @throws IOException if writing fails
   */
  abstract void write(ScoredPortfolio portfolio, Writer out) throws IOException;

  /**
   * Tells the user which file the output went to, before the summary line; by default nothing.
   * Not called when the output went to standard output.
   */
  void wrote(Path out, PrintWriter err) {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    return ReportedRun.run(err, reported -> {
      HealthModel model = run.model(ChsCommand.registry());
      Path out = outputFile();
      Path rejectsFile = run.rejectsFile(out);
      checkPaths(out, rejectsFile);
      ScoredPortfolio portfolio;
      try (RejectsWriter rejects = RejectsWriter.open(rejectsFile)) {
        Progress progress = Progress.on(err, Progress.onTerminal());
        portfolio = plan(model)
            .read(run.reader(), DataSetSource.folder(run.data), rejects, progress);
      }
      reported.summary(portfolio.read().summaryLine());
      writeOutput(portfolio, out);
      if (out != null) {
        wrote(out, err);
      }
      Warnings.print(portfolio, err);
      return ExitCodes.OK;
    });
  }

  private void checkPaths(@Nullable Path out, Path rejectsFile) {
    if (!Files.isDirectory(run.data)) {
      throw new IllegalArgumentException(
          "--data: must be a data-set folder, was '" + run.data + "'"
              + (Files.exists(run.data) ? " (a file)" : " (missing)"));
    }
    if (out != null) {
      checkOutput("--out", out);
    }
    checkOutput("--rejects", rejectsFile);
    if (out != null && out.toAbsolutePath().normalize()
        .equals(rejectsFile.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException(
          "--out and --rejects: must name different files, both were '" + out + "'");
    }
  }

  private void writeOutput(ScoredPortfolio portfolio, @Nullable Path out) throws IOException {
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      write(portfolio, stdout);
      stdout.flush();
      return;
    }
    try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      write(portfolio, file);
    }
  }

  /**
   * Checks that an option names a file that can be created or replaced: not a folder, and in a
   * folder that exists. Commands call it before they read anything, so that a mistyped path
   * costs no run.
   *
   * @param option the option's name, such as {@code --out}
   * @param file the file it names
   * @throws IllegalArgumentException naming the option and the file, if it is a folder or its
   *     folder is missing
   */
  static void checkOutput(String option, Path file) {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(
          option + ": must name a file, was '" + file + "' (a folder)");
    }
    Path folder = file.toAbsolutePath().normalize().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new IllegalArgumentException(option + ": must name a file in an existing folder, was '"
          + file + "' (no folder " + folder + ")");
    }
  }

  /** Names the file of an I/O error, which some exceptions give only as their message. */
  static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    if (kind.equals("NoSuchFileException")) {
      return "no such file: " + e.getMessage();
    }
    if (kind.equals("AccessDeniedException")) {
      return "access denied: " + e.getMessage();
    }
    return e.getMessage() == null ? kind : e.getMessage();
  }
}
