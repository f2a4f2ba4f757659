package dev.chs.cli;

import dev.chs.core.plugin.KpiRegistry;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top command, {@code chs}. It does nothing itself: each job is a subcommand, and adding one
 * is a line in {@code subcommands} below.
 */
@Command(
    name = "chs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Customer Health Scores from CSV data sets.",
    subcommands = {
      DemoCommand.class,
      ScoreCommand.class,
      ReportCommand.class,
      WatchlistCommand.class,
      GenerateCommand.class,
      FitCommand.class,
      BacktestCommand.class,
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 --strict met a bad row, 2 usage error.",
    })
final class ChsCommand implements Runnable {
  @Spec CommandSpec spec;

  /**
   * Returns the command line, configured as {@code chs.jar} runs it: case-insensitive formats,
   * usage errors reported in one line with exit code 2, and bugs to 3 with their stack trace.
   *
   * @param out standard output
   * @param err standard error
   * @return the command line
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ChsCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(ChsCommand::usageError);
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      PrintWriter stderr = command.getErr();
      stderr.println("chs: internal error, please report it with this trace:");
      e.printStackTrace(stderr);
      stderr.flush();
      return ExitCodes.BUG;
    });
    return cli;
  }

  /** Says what was wrong and where help is, without the whole usage of a subcommand. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("chs: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    if (command.getParent() == null) {
      command.usage(err);
    } else {
      err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  /**
   * Returns the KPIs found in the context class loader, which holds the built-in KPIs and any
   * plugin jar on the class path.
   *
   * @return the registry
   */
  static KpiRegistry registry() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return KpiRegistry.discover(loader != null ? loader : ChsCommand.class.getClassLoader());
  }

  /** Without a subcommand: print the usage and fail as a usage error. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
  }
}
