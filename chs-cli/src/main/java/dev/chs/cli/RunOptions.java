package dev.chs.cli;

import dev.chs.cli.data.DataSetReader;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of every command that scores a data set: {@code --data}, {@code --as-of}, {@code
 * --model}, {@code --strict} and {@code --rejects}. Commands mix them in.
 */
final class RunOptions {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The data-set folder: CSV files such as cases.csv and contracts.csv.")
  Path data;

  @Option(
      names = "--as-of",
      required = true,
      paramLabel = "DATE",
      converter = AsOfConverter.class,
      description = "The instant T to score at: a date (00:00 UTC) such as 2026-11-30, or an"
          + " instant with Z or an offset. Signals after it never count.")
  Instant asOf;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "A model file, .yaml, .yml or .json (default: the built-in default model).")
  @Nullable Path model;

  @Option(
      names = "--strict",
      description = "Stop at the first bad row, with exit code 1, instead of rejecting it.")
  boolean strict;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "Where rejected rows go (default: rejects.csv beside the --out file, or in"
          + " the current folder when writing to standard output). Written on every run, with"
          + " only its header when no row was rejected.")
  @Nullable Path rejects;

  /**
   * Returns the reader these options ask for.
   *
   * @return the strict or lenient reader
   */
  DataSetReader reader() {
    return strict ? DataSetReader.strict() : DataSetReader.lenient();
  }

  /**
   * Reads the model file, or returns the default model.
   *
   * @param registry the KPIs the model may name
   * @return the model
   * @throws dev.chs.core.model.ModelException listing every mistake in the file
   * @throws IllegalArgumentException if the file's extension names no format
   * @throws IOException if the file cannot be read
   */
  HealthModel model(KpiRegistry registry) throws IOException {
    return model == null ? ModelFile.defaultModel(registry) : ModelFile.read(model, registry);
  }

  /**
   * Returns where rejected rows go.
   *
   * @param out the output file, or null for standard output
   * @return {@code --rejects}, or {@code rejects.csv} beside {@code out} or in the current folder
   */
  Path rejectsFile(@Nullable Path out) {
    if (rejects != null) {
      return rejects;
    }
    Path name = Path.of("rejects.csv");
    return out == null ? name : out.toAbsolutePath().resolveSibling(name);
  }
}
