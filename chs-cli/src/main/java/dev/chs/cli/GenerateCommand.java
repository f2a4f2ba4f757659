package dev.chs.cli;

import dev.chs.cli.generate.GeneratedPortfolio;
import dev.chs.cli.generate.PortfolioGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chs generate}: a synthetic portfolio, as a data-set folder. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Writes a synthetic portfolio as a data-set folder.",
      "%nThe nine files of a data set, with " + PortfolioGenerator.HISTORY_MONTHS
          + " months of history. The same options give the same bytes on any JVM; the"
          + " defaults remake the bundled sample.%n"
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--accounts",
      paramLabel = "N",
      defaultValue = "300",
      description = "How many accounts, from 1 to 99999999 (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "7",
      description = "The seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--end",
      paramLabel = "DATE",
      converter = AsOfConverter.class,
      description = "Where the history ends (default: 2026-11-30, the end of the sample).")
  Instant end = PortfolioGenerator.DEFAULT_END;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The folder to write; created if missing. Files of the same names are"
          + " replaced.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new IllegalArgumentException("--out: must be a folder, or missing so that it is"
            + " created, was '" + out + "' (a file)");
      }
      GeneratedPortfolio written = PortfolioGenerator.generate(accounts, seed, out, end);
      for (Map.Entry<String, Long> file : written.rows().entrySet()) {
        stdout.printf(Locale.ROOT, "%-16s %,12d rows%n", file.getKey(), file.getValue());
      }
      stdout.flush();
      err.println("wrote " + written.totalRows() + " rows to " + out.toAbsolutePath().normalize());
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      err.println("chs: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("chs: " + DataSetCommand.describe(e));
      return ExitCodes.USAGE;
    } finally {
      err.flush();
    }
  }
}
