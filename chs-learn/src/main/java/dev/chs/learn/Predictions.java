package dev.chs.learn;

import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.RenewalMapping;
import dev.chs.core.model.WeightedKpi;
import dev.chs.core.score.Scorer;
import java.util.ArrayList;
import java.util.List;

/** Scores the rows of renewal data with a health model, through {@link Scorer}. */
final class Predictions {
  private Predictions() {}

  /** Returns each row's health score, or NaN where the model gives insufficient data. */
  static double[] scores(HealthModel model, RenewalData data) {
    Scorer scorer = Scorer.of(model);
    List<WeightedKpi> kpis = model.kpis();
    int[] columns = new int[kpis.size()];
    for (int k = 0; k < columns.length; k++) {
      columns[k] = data.columns().indexOf(kpis.get(k).id());
      if (columns[k] < 0) {
        throw new IllegalArgumentException("model: KPI '" + kpis.get(k).id()
            + "' has no column in the data, whose columns are " + data.columns());
      }
    }
    double[] scores = new double[data.size()];
    for (int r = 0; r < scores.length; r++) {
      List<KpiValue> values = new ArrayList<>(columns.length);
      for (int k = 0; k < columns.length; k++) {
        double x = data.value(r, columns[k]);
        String id = kpis.get(k).id();
        values.add(Double.isNaN(x)
            ? new KpiValue.NotApplicable(id, "not applicable as of the renewal's lead time")
            : KpiValue.Measured.of(id, x, 1));
      }
      RenewalData.Renewal row = data.rows().get(r);
      HealthScore score = scorer.score(row.account(), row.cloud(), values);
      scores[r] = score instanceof HealthScore.Scored scored ? scored.score() : Double.NaN;
    }
    return scores;
  }

  /** Returns the renewal probability of each score under a mapping, {@code fallback} for NaN. */
  static double[] renewal(double[] scores, RenewalMapping mapping, double fallback) {
    double[] p = new double[scores.length];
    for (int r = 0; r < p.length; r++) {
      p[r] = Double.isNaN(scores[r]) ? fallback : mapping.probability(scores[r]);
    }
    return p;
  }

  /** Returns the renewal probability of each score under the model's own mapping. */
  static double[] renewal(double[] scores, HealthModel model, double fallback) {
    return renewal(scores, model.renewal(), fallback);
  }

  static int unscored(double[] scores) {
    int n = 0;
    for (double s : scores) {
      n += Double.isNaN(s) ? 1 : 0;
    }
    return n;
  }
}
