package dev.chs.learn;

import dev.chs.core.plugin.KpiRegistry;
import dev.chs.kpis.BuiltInKpis;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the published back-tests: 5 stratified folds with seed 7 on each data-set folder given,
 * plus a time split on data with renewal dates. Run from the repository root:
 *
 * <pre>{@code
 * mvn -o -q -pl chs-learn -am test-compile exec:java \
 *     -Dexec.args="data/mlc-churn data/ibm-telco-wa-churn data/iranian-churn \
 *     chs-cli/src/main/resources/dev/chs/cli/sample"
 * }</pre>
 *
 * <p>Add {@code --json} before the folders to print one JSON object per back-test instead,
 * {@code --without a,b} to leave columns out of the folders that follow, and {@code --seed S}
 * to seed the folds and the fits of the folders that follow with {@code S} instead of 7.
 */
public final class BacktestMain {
  private BacktestMain() {}

  /**
   * Runs the back-tests.
   *
   * @param args {@code [--json] [--seed S] [--without a,b] DIR...}
   * @throws Exception if a data set cannot be read
   */
  public static void main(String[] args) throws Exception {
    boolean json = false;
    List<String> without = List.of();
    long seed = Backtest.DEFAULT_SEED;
    KpiRegistry registry = KpiRegistry.of(BuiltInKpis.all());
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--json")) {
        json = true;
        continue;
      }
      if (arg.equals("--seed")) {
        seed = Long.parseLong(args[++i]);
        continue;
      }
      if (arg.equals("--without")) {
        without = List.of(args[++i].split(","));
        continue;
      }
      RenewalData data = RenewalData.read(Path.of(arg), registry, null, RenewalData.DEFAULT_LEAD)
          .without(without);
      long start = System.nanoTime();
      BacktestReport cv =
          Backtest.crossValidate(data, Backtest.DEFAULT_FOLDS, seed, FitOptions.DEFAULT);
      System.out.println(json ? cv.toJson() : cv.toTable());
      if (data.sourceModel().isPresent()) {
        BacktestReport split =
            Backtest.timeSplit(data, Backtest.DEFAULT_TEST_SHARE,
                FitOptions.DEFAULT.withSeed(seed));
        System.out.println(json ? split.toJson() : split.toTable());
      }
      System.err.printf("%s: %.1f s%n", data.name(), (System.nanoTime() - start) / 1e9);
    }
  }
}
