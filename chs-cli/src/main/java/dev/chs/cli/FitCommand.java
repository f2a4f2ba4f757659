package dev.chs.cli;

import dev.chs.core.model.ModelFile;
import dev.chs.learn.FitOptions;
import dev.chs.learn.FittedModel;
import dev.chs.learn.RenewalData;
import dev.chs.learn.RenewalFitter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chs fit}: learns a model's weights, curves and calibration from past renewals. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Learns KPI weights, curves and calibration from past renewals, and writes a model file.",
      "%nEach learned curve is monotone in its KPI's direction, so the model stays an additive"
          + " score that explains itself; its renewal probability is calibrated (isotonic, on"
          + " held-out scores). The file scores like any other: chs score --model FILE.%n"
    })
final class FitCommand extends LearnCommand {
  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "The model file to write, .yaml, .yml or .json (default: YAML on standard"
          + " output).")
  @Nullable Path out;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "7",
      description = "The seed of the fit's inner folds (default: 7). The same data and seed give"
          + " the same file.")
  long seed;

  @Override
  void checkOptions() {
    if (out == null) {
      return;
    }
    DataSetCommand.checkOutput("--out", out);
    try {
      ModelFile.Format.of(out);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--out: must end in .yaml, .yml or .json to tell the"
          + " model file's format, was '" + out + "'", e);
    }
  }

  @Override
  void learn(RenewalData renewals, PrintWriter stdout, PrintWriter err) throws IOException {
    ModelFile.Format format = out == null ? ModelFile.Format.YAML : ModelFile.Format.of(out);
    FittedModel fitted = RenewalFitter.fit(renewals, FitOptions.DEFAULT.withSeed(seed));
    String text = ModelFile.write(fitted.model(), format);
    if (out == null) {
      stdout.print(text);
    } else {
      Files.writeString(out, text, StandardCharsets.UTF_8);
      err.println("The model is in " + out.toAbsolutePath().normalize());
    }
    err.printf(Locale.ROOT, "fitted %d renewals (%d churned) with %d KPIs in %d rounds,"
            + " calibrated isotonically with levels of at least %d held-out accounts%n",
        renewals.size(), renewals.churned(), fitted.model().kpis().size(), fitted.rounds(),
        fitted.calibrationBlockRows());
  }
}
