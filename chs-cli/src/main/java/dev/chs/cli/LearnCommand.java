package dev.chs.cli;

import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import dev.chs.cli.data.DataSetReader;
import dev.chs.cli.data.DataSetSource;
import dev.chs.cli.data.DataSetSummary;
import dev.chs.cli.data.RejectsWriter;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import dev.chs.learn.RenewalData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that learns from past renewals: {@code fit} and {@code backtest}. It reads the data
 * set as every command does (rejects, {@code --strict}, the summary line last on standard error),
 * then builds the renewals to learn from: point-in-time KPI values as of {@code --lead} before
 * each renewal when the data set holds signal files, or the columns of {@code metrics.csv} when it
 * holds only snapshots.
 */
abstract class LearnCommand implements Callable<Integer> {
  private static final List<Class<? extends Signal>> EVENTS = List.of(
      SupportCase.class, WorkOrder.class, Complaint.class, UsageSample.class,
      SentimentSample.class);

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The data-set folder; it must hold renewals.csv.")
  Path data;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "A model whose KPIs to learn from (default: the default model for signal"
          + " files, or every numeric column of metrics.csv, whose directions are learned).")
  @Nullable Path model;

  @Option(
      names = "--lead",
      paramLabel = "DAYS",
      defaultValue = "90",
      description = "How many days before each renewal its KPIs are computed (default: 90)."
          + " Nothing later is ever seen.")
  int leadDays;

  @Option(
      names = "--strict",
      description = "Stop at the first bad row, with exit code 1, instead of rejecting it.")
  boolean strict;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      defaultValue = "rejects.csv",
      description = "Where rejected rows go (default: rejects.csv in the current folder).")
  Path rejects;

  /**
   * Does the command's work on the renewals read.
   *
   * @param renewals the renewals with their KPI values
   * @param out standard output
   * @param err standard error, for messages before the summary line
   * @throws IOException if writing fails
   */
  abstract void learn(RenewalData renewals, PrintWriter out, PrintWriter err) throws IOException;

  /**
   * Checks the command's own options before the data set is read; by default none.
   *
   * @throws IllegalArgumentException naming the option, its value and what was expected
   */
  void checkOptions() {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    return ReportedRun.run(err, reported -> {
      if (leadDays < 0) {
        throw new IllegalArgumentException("--lead: must be >= 0 days, was " + leadDays);
      }
      if (!Files.isDirectory(data)) {
        throw new IllegalArgumentException(
            "--data: must be a data-set folder, was '" + data + "'");
      }
      DataSetCommand.checkOutput("--rejects", rejects);
      checkOptions();
      KpiRegistry registry = ChsCommand.registry();
      HealthModel given = model == null ? null : ModelFile.read(model, registry);
      Read read = read();
      reported.summary(read.summary().summaryLine());
      learn(renewals(read, given, registry), spec.commandLine().getOut(), err);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    });
  }

  private Read read() throws IOException {
    Read read = new Read();
    DataSetReader reader = strict ? DataSetReader.strict() : DataSetReader.lenient();
    try (RejectsWriter rejected = RejectsWriter.open(rejects)) {
      read.summary = reader.read(DataSetSource.folder(data), signal -> {
        if (signal instanceof RenewalOutcome outcome) {
          read.renewals.add(outcome);
        } else if (signal instanceof Metric metric) {
          read.metrics.add(metric);
        } else {
          read.signals.add(signal);
        }
      }, (account, name) -> { }, rejected);
    }
    return read;
  }

  private RenewalData renewals(Read read, @Nullable HealthModel given, KpiRegistry registry) {
    if (read.renewals.isEmpty()) {
      throw new IllegalArgumentException(
          "--data: renewals.csv must hold past renewals to learn from, found none in '"
              + data + "'");
    }
    String name = String.valueOf(data.toAbsolutePath().normalize().getFileName());
    boolean events = EVENTS.stream().anyMatch(read.summary()::supplied);
    if (events) {
      HealthModel eventModel = given != null ? given : ModelFile.defaultModel(registry);
      return RenewalData.pointInTime(
          name, eventModel, read.signals, read.renewals, Duration.ofDays(leadDays));
    }
    if (read.metrics.isEmpty()) {
      throw new IllegalArgumentException(
          "--data: must hold signal files or metrics.csv to learn from, found neither in '"
              + data + "'");
    }
    return RenewalData.fromMetrics(name, read.metrics, read.renewals, given);
  }

  /** What was read, kept whole: fitting needs every renewal's point in time at once. */
  private static final class Read {
    final List<Signal> signals = new ArrayList<>();
    final List<Metric> metrics = new ArrayList<>();
    final List<RenewalOutcome> renewals = new ArrayList<>();
    @Nullable DataSetSummary summary;

    /** Returns the summary, which {@link LearnCommand#read()} sets before it returns. */
    DataSetSummary summary() {
      return Objects.requireNonNull(summary, "summary");
    }
  }
}
