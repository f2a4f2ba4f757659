package dev.chs.learn;

import dev.chs.core.plugin.KpiRegistry;
import dev.chs.kpis.BuiltInKpis;
import java.nio.file.Path;

/** Compares fit settings by cross-validation; a development aid, not a test. */
public final class TuneMain {
  private TuneMain() {}

  public static void main(String[] args) throws Exception {
    KpiRegistry registry = KpiRegistry.of(BuiltInKpis.all());
    RenewalData data = RenewalData.read(Path.of(args[0]), registry, null, RenewalData.DEFAULT_LEAD);
    for (int i = 1; i + 3 < args.length; i += 4) {
      FitOptions o = new FitOptions(7, Integer.parseInt(args[i]), Integer.parseInt(args[i + 1]),
          Double.parseDouble(args[i + 2]), Double.parseDouble(args[i + 3]), 300, 30, 0.2, true,
          Double.parseDouble(System.getProperty("coverage", "0.5")));
      long start = System.nanoTime();
      BacktestReport r = Backtest.crossValidate(data, 5, 7, o);
      ModelMetrics l = r.model("learned").orElseThrow();
      ModelMetrics iso = r.model("learned_isotonic").orElseThrow();
      System.out.printf("bins %s min %s lr %s l2 %s: auc %.4f brier %.4f cal %.3f | iso auc %.4f"
          + " brier %.4f cal %.3f  (%.1f s)%n", args[i], args[i + 1], args[i + 2], args[i + 3],
          l.auc(), l.brier(), l.maxCalibrationError(), iso.auc(), iso.brier(),
          iso.maxCalibrationError(), (System.nanoTime() - start) / 1e9);
    }
  }
}
