package dev.chs.cli;

import dev.chs.learn.Backtest;
import dev.chs.learn.BacktestReport;
import dev.chs.learn.FitOptions;
import dev.chs.learn.RenewalData;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chs backtest}: how well the learned model predicts renewals, beside two peers. */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Back-tests the learned model against the default model and plain logistic regression.",
      "%nOn the same folds it reports AUC, Brier score, log loss, reliability tables by 10"
          + " bins of width 0.1 and by deciles of risk, and the lift and share of churn captured"
          + " in the top decile.%n"
    })
final class BacktestCommand extends LearnCommand {
  /** How the renewals are split into training and test rows. */
  enum Split {
    /** Stratified, seeded k-fold cross-validation. */
    KFOLD,
    /** Train on the earliest renewals, test on the latest. */
    TIME
  }

  /** How the report is written. */
  enum Format {
    /** A table for people. */
    TABLE,
    /** One JSON object. */
    JSON
  }

  @Option(
      names = "--folds",
      paramLabel = "K",
      defaultValue = "" + Backtest.DEFAULT_FOLDS,
      description = "The number of folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + Backtest.DEFAULT_SEED,
      description = "The seed of the folds and of the fit (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--split",
      paramLabel = "SPLIT",
      defaultValue = "kfold",
      description = "kfold (stratified cross-validation) or time (the latest "
          + "30%% of renewals are the test rows) (default: ${DEFAULT-VALUE}).")
  Split split;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  void checkOptions() {
    if (split == Split.TIME && spec.commandLine().getParseResult().hasMatchedOption("--folds")) {
      throw new IllegalArgumentException("--folds: only with --split kfold, which has folds; was "
          + folds + " with --split time");
    }
  }

  @Override
  void learn(RenewalData renewals, PrintWriter out, PrintWriter err) {
    FitOptions options = FitOptions.DEFAULT.withSeed(seed);
    BacktestReport report = split == Split.KFOLD
        ? Backtest.crossValidate(renewals, folds, seed, options)
        : Backtest.timeSplit(renewals, Backtest.DEFAULT_TEST_SHARE, options);
    out.print(format == Format.JSON ? report.toJson() + "\n" : report.toTable());
  }
}
