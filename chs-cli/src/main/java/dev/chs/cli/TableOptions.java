package dev.chs.cli;

import dev.chs.cli.output.OutputFormat;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options of a command that writes a table: {@code --out} and {@code --format}. */
final class TableOptions {
  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "The file to write (default: standard output).")
  @Nullable Path out;

  @Option(
      names = "--format",
      paramLabel = "csv|jsonl",
      defaultValue = "csv",
      description = "csv (the default) or jsonl: one JSON object per line.")
  OutputFormat format;
}
