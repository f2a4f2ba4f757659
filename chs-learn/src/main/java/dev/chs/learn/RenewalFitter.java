package dev.chs.learn;

import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.MetricKpi;
import dev.chs.core.model.RenewalMapping;
import dev.chs.learn.internal.AdditiveLogit;
import dev.chs.learn.internal.Folds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fits a health model to past renewals: its KPI weights, each KPI's curve, and the calibration
 * from score to renewal probability.
 *
 * <h2>Method</h2>
 *
 * <ol>
 *   <li><b>Directions.</b> A column with a known direction keeps it. Any other column takes the
 *       direction of its univariate association with renewal on the training rows: higher is
 *       better when the AUC of the column for renewal is at least 0.5.
 *   <li><b>Additive logit.</b> The log-odds of renewal is fitted as {@code b0 + sum_i g_i(x_i)}.
 *       Each {@code g_i} is a step function over up to {@link FitOptions#maxBins()} bins at
 *       quantiles of the training values, each bin holding at least {@link
 *       FitOptions#minBinRows()} rows, with a separate value for "not applicable". Boosting
 *       visits the columns in turn; each visit takes a damped Newton step for every bin, with a
 *       ridge penalty on the bin values, then projects the bins onto the monotone sequences of
 *       the column's direction by pool-adjacent-violators. The number of rounds is chosen by the
 *       log loss on a seeded, stratified inner validation split, and the model is then refitted
 *       on all training rows for that many rounds.
 *   <li><b>A chs model.</b> Each {@code g_i} becomes a {@link Curve.Steps} curve, {@code 100 *
 *       (g_i - min g_i) / range_i}, and a weight proportional to {@code range_i}. When every KPI
 *       is applicable, the score is then an affine function of the fitted log-odds, so the
 *       model's order is the fit's. A column whose curve is flat is left out.
 *   <li><b>Calibration on held-out scores (cross-fitting).</b> The rows are dealt to the same
 *       seeded, stratified inner folds. Each fold is scored, through {@code Scorer}, by a model
 *       fitted on the other folds alone (directions, bins, curves; the same number of rounds),
 *       and each score is turned back into that model's log-odds. These held-out log-odds are
 *       as confident as a model is on accounts it has not seen, unlike the final model's
 *       scores of its own training rows. A Platt and an isotonic calibration are fitted on
 *       them, and composed with the final model's map from score to log-odds. The isotonic
 *       one pools a floor of accounts into each of its levels, so that no level rests on a
 *       handful of accounts: 25, 50, 100 or 200, whichever gives the lowest log loss when each
 *       inner fold's held-out log-odds are calibrated by the other folds' (a tenth of the rows
 *       when there are fewer than 250), and {@link FittedModel#calibrationBlockRows()} records
 *       it. The calibration that {@link FitOptions#calibration()} names becomes the model's
 *       renewal mapping: isotonic by default, as a {@link RenewalMapping.Isotonic} ({@link
 *       Calibration.Isotonic#toMapping()}); Platt as a {@link RenewalMapping.Logistic}.
 * </ol>
 *
 * <h2>KPIs that are not applicable</h2>
 *
 * <p>{@code Scorer} leaves a KPI that is not applicable out of the score and spreads its weight
 * over the others, which amounts to giving it the weighted mean score of the others. The fitted
 * value for "not applicable" cannot be written in a model file, so a model scores such accounts
 * with that renormalisation, not with the fitted value. Calibrating on the scores that {@code
 * Scorer} gives, rather than on the fitted log-odds, keeps the probabilities honest for them.
 *
 * <p>Fitting holds no state and is safe to call from many threads; it is deterministic: the same
 * data and options give the same model, to the bit.
 *
 * @since 0.1.0
 */
public final class RenewalFitter {
  /** Weights are rounded to 4 decimals and curve scores to 2, so that model files read well. */
  private static final int WEIGHT_SCALE = 10_000;
  private static final int SCORE_SCALE = 100;

  /**
   * The floors of held-out accounts per level of the isotonic calibration that a fit chooses
   * from, finest first. A level of 25 accounts has a renewal rate with a standard error of up
   * to {@code 0.5 / sqrt(25) = 0.1}, one of 200 up to 0.035; which trade of noise against
   * resolution is best depends on the data, so the fit measures it.
   */
  private static final int[] CALIBRATION_BLOCK_CHOICES = {25, 50, 100, 200};

  private RenewalFitter() {}

  /**
   * Fits a model to all rows of {@code data}.
   *
   * @param data the renewals and candidate KPI values
   * @param options the settings
   * @return the fitted model
   * @throws IllegalArgumentException if the data have fewer than 10 rows, or lack a renewed or a
   *     churned row
   * @throws NullPointerException if an argument is null
   */
  public static FittedModel fit(RenewalData data, FitOptions options) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(options, "options");
    int churned = data.churned();
    if (data.size() < 10 || churned == 0 || churned == data.size()) {
      throw new IllegalArgumentException("data: must hold at least 10 rows with both outcomes, had "
          + data.size() + " rows, " + churned + " churned");
    }

    Problem problem = Problem.of(data, options);
    int innerFolds = (int) Math.max(2, Math.round(1 / options.validationShare()));
    int[] fold = Folds.stratified(problem.renewed(), innerFolds, options.seed());
    int rounds = rounds(problem, fold);

    // Refit on every row, and calibrate its scores through log-odds that no model saw.
    double[] heldOut = heldOutLogOdds(data, options, fold, innerFolds, rounds);
    Conversion conversion = problem.convert(problem.x(), problem.y(), rounds);
    double renewalRate = (data.size() - churned) / (double) data.size();
    Calibration.Platt platt;
    Calibration.Isotonic isotonic;
    int[] scored = scoredRows(heldOut);
    double[] logOdds = rows(heldOut, scored);
    boolean[] outcomes = rows(problem.renewed(), scored);
    int blockRows = calibrationBlockRows(logOdds, outcomes, rows(fold, scored), innerFolds);
    if (logOdds.length >= 2 && conversion.slope() > 0) {
      Calibration.Platt onLogOdds = Calibration.Platt.fit(logOdds, outcomes);
      platt = new Calibration.Platt(
          onLogOdds.a() + onLogOdds.b() * conversion.intercept(),
          onLogOdds.b() * conversion.slope());
      isotonic = Calibration.Isotonic.fit(logOdds, outcomes, blockRows)
          .rescaled(conversion.intercept(), conversion.slope());
    } else {
      // Nothing could be scored, or nothing predicts: both calibrations give the renewal rate.
      platt = new Calibration.Platt(Math.log(renewalRate / (1 - renewalRate)), 0);
      isotonic = new Calibration.Isotonic(List.of(50.0), List.of(renewalRate));
    }

    RenewalMapping mapping = options.calibration() == Calibration.Kind.ISOTONIC
        ? isotonic.toMapping() : platt.toMapping();
    HealthModel model = conversion.model().toBuilder().renewal(mapping).build();
    return new FittedModel(model, problem.directions(), platt, isotonic, renewalRate, rounds,
        blockRows);
  }

  /**
   * Returns the fewest accounts a level of the isotonic calibration holds. Of the {@link
   * #CALIBRATION_BLOCK_CHOICES} that leave room for ten levels (at most a tenth of the rows), it
   * is the one whose calibrations give the lowest log loss when each fold's rows are calibrated
   * by a fit on the other folds' rows; the larger on a tie. With no such choice it is a tenth of
   * the rows, and at least 1.
   *
   * @param logOdds the held-out log-odds of the scored rows
   * @param renewed their outcomes
   * @param fold their inner folds, each in [0, folds)
   * @param folds the number of inner folds
   */
  static int calibrationBlockRows(double[] logOdds, boolean[] renewed, int[] fold, int folds) {
    int n = logOdds.length;
    if (renewed.length != n || fold.length != n) {
      throw new IllegalArgumentException("logOdds, renewed, fold: must have the same length, were "
          + n + ", " + renewed.length + " and " + fold.length);
    }
    int[][] train = new int[folds][];
    int[][] test = new int[folds][];
    for (int f = 0; f < folds; f++) {
      train[f] = Folds.select(fold, f, false);
      test[f] = Folds.select(fold, f, true);
    }
    int best = Math.max(1, n / 10);
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int rows : CALIBRATION_BLOCK_CHOICES) {
      if (rows > n / 10) {
        break;
      }
      double loss = crossCalibratedLogLoss(logOdds, renewed, train, test, rows);
      if (loss <= bestLoss) {
        best = rows;
        bestLoss = loss;
      }
    }
    return best;
  }

  /**
   * Returns the summed log loss of every row's renewal probability under an isotonic
   * calibration with levels of at least {@code blockRows}, fitted on the rows of the other folds:
   * fold {@code f} holds the rows {@code test[f]}, and the others {@code train[f]}. A fold with no
   * rows outside it calibrates nothing and adds nothing.
   */
  private static double crossCalibratedLogLoss(
      double[] logOdds, boolean[] renewed, int[][] train, int[][] test, int blockRows) {
    double loss = 0;
    for (int f = 0; f < train.length; f++) {
      if (train[f].length == 0 || test[f].length == 0) {
        continue;
      }
      Calibration.Isotonic calibration = Calibration.Isotonic.fit(
          rows(logOdds, train[f]), rows(renewed, train[f]), blockRows);
      for (int r : test[f]) {
        double p = calibration.probability(logOdds[r]);
        loss -= Math.log(renewed[r] ? p : 1 - p);
      }
    }
    return loss;
  }

  /** Returns the number of boosting rounds with the lowest log loss on the first inner fold. */
  private static int rounds(Problem problem, int[] fold) {
    int[] inner = Folds.select(fold, 0, false);
    int[] valid = Folds.select(fold, 0, true);
    AdditiveLogit.Trace trace = AdditiveLogit.fit(rows(problem.x(), inner),
        rows(problem.y(), inner), problem.signs(), problem.settings(),
        problem.options().maxRounds(), rows(problem.x(), valid), rows(problem.y(), valid));
    return Math.max(1, trace.bestRounds());
  }

  /**
   * Returns each row's log-odds from a model fitted on the other inner folds, through that
   * model's own scores; NaN where it could not score the row. Each of those models learns its
   * columns' directions, bins and curves from its own training rows only, so no row's label
   * reaches the log-odds that calibrate it; only the number of rounds is shared.
   *
   * @param data the rows
   * @param options the settings
   * @param fold the inner fold of each row
   * @param folds the number of inner folds
   * @param rounds the number of boosting rounds of every model
   * @return the held-out log-odds of renewal of each row, in the order of the rows
   */
  static double[] heldOutLogOdds(
      RenewalData data, FitOptions options, int[] fold, int folds, int rounds) {
    double[] heldOut = new double[data.size()];
    for (int f = 0; f < folds; f++) {
      int[] train = Folds.select(fold, f, false);
      int[] test = Folds.select(fold, f, true);
      Problem part = Problem.of(data.subset(train), options);
      Conversion conversion = part.convert(part.x(), part.y(), rounds);
      double[] scores = Predictions.scores(conversion.model(), data.subset(test));
      for (int i = 0; i < test.length; i++) {
        heldOut[test[i]] = conversion.logOdds(scores[i]);
      }
    }
    return heldOut;
  }

  /** What one fit works on: the data, as arrays, and the settings. */
  // Never compared, hashed or shared: the record only carries one fit's own arrays, so that
  // their identity equality and their mutability, which the check warns of, do not matter.
  @SuppressWarnings("ArrayRecordComponent")
  private record Problem(
      RenewalData data,
      double[][] x,
      double[] y,
      int[] signs,
      AdditiveLogit.Settings settings,
      Map<String, Direction> directions,
      FitOptions options) {
    /** Returns the problem of fitting {@code data}, with the directions learned from its rows. */
    static Problem of(RenewalData data, FitOptions options) {
      Map<String, Direction> directions = RenewalFitter.directions(data);
      AdditiveLogit.Settings settings = new AdditiveLogit.Settings(options.maxBins(),
          options.minBinRows(), options.learningRate(), options.l2(), options.maxRounds(),
          options.patience());
      return new Problem(data, data.matrix(), data.renewedLabels(),
          RenewalFitter.signs(data, directions, options.monotone()), settings, directions, options);
    }

    boolean[] renewed() {
      boolean[] renewed = new boolean[y.length];
      for (int r = 0; r < y.length; r++) {
        renewed[r] = y[r] > 0.5;
      }
      return renewed;
    }

    /** Fits {@code rounds} rounds on these rows and writes the result as a chs model. */
    Conversion convert(double[][] rowsX, double[] rowsY, int rounds) {
      return toModel(data, fitted(rowsX, rowsY, signs, settings, rounds), directions, options);
    }
  }

  private static AdditiveLogit fitted(
      double[][] x, double[] y, int[] signs, AdditiveLogit.Settings settings, int rounds) {
    return AdditiveLogit.fit(x, y, signs, settings, rounds, null, null).model();
  }

  /**
   * A fitted logit written as a chs model, with the affine map from the model's score back to
   * the log-odds: {@code intercept + slope * score}, exact when every KPI is applicable (up to
   * the rounding of weights and curve scores).
   */
  private record Conversion(HealthModel model, double intercept, double slope) {
    double logOdds(double score) {
      return Double.isNaN(score) ? Double.NaN : intercept + slope * score;
    }
  }

  /** Returns each column's direction: the known one, else the one learned from the rows. */
  static Map<String, Direction> directions(RenewalData data) {
    Map<String, Direction> directions = new LinkedHashMap<>();
    double[][] x = data.matrix();
    for (int c = 0; c < data.columns().size(); c++) {
      String id = data.columns().get(c);
      Direction known = data.directions().get(id);
      directions.put(id, known != null ? known : learnedDirection(data, x, c));
    }
    return directions;
  }

  /** Returns the direction of a column, which {@link #directions} gives for every column. */
  static Direction direction(Map<String, Direction> directions, String column) {
    return Objects.requireNonNull(directions.get(column), column);
  }

  private static Direction learnedDirection(RenewalData data, double[][] x, int c) {
    List<Double> values = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (int r = 0; r < x.length; r++) {
      if (!Double.isNaN(x[r][c])) {
        values.add(x[r][c]);
        labels.add(data.rows().get(r).renewed());
      }
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] l = new boolean[labels.size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = labels.get(i);
    }
    double auc = ModelMetrics.auc(v, l);
    return Double.isNaN(auc) || auc >= 0.5 ? Direction.HIGHER_IS_BETTER
        : Direction.LOWER_IS_BETTER;
  }

  private static int[] signs(RenewalData data, Map<String, Direction> directions,
      boolean monotone) {
    int[] signs = new int[data.columns().size()];
    for (int c = 0; c < signs.length; c++) {
      Direction direction = direction(directions, data.columns().get(c));
      signs[c] = !monotone ? 0 : switch (direction) {
        case HIGHER_IS_BETTER -> 1;
        case LOWER_IS_BETTER -> -1;
        case STABLE_IS_BETTER -> 0;
      };
    }
    return signs;
  }

  private static Conversion toModel(RenewalData data, AdditiveLogit logit,
      Map<String, Direction> directions, FitOptions options) {
    List<AdditiveLogit.Shape> shapes = logit.shapes();
    double[] ranges = new double[shapes.size()];
    double total = 0;
    double intercept = logit.intercept();
    for (int c = 0; c < ranges.length; c++) {
      double[] v = shapes.get(c).values();
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double value : v) {
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
      ranges[c] = max - min;
      total += ranges[c];
      intercept += min;
    }
    HealthModel source = data.sourceModel().orElse(null);
    HealthModel.Builder builder = HealthModel.builder()
        .minimumCoverage(options.minimumCoverage());
    if (source != null) {
      builder.window(source.window()).bands(source.bands()).rollup(source.rollup())
          .interventions(source.interventions()).watchlist(source.watchlist());
    }
    boolean any = false;
    for (int c = 0; c < ranges.length; c++) {
      double weight = total > 0 ? round(ranges[c] / total, WEIGHT_SCALE) : 0;
      if (weight <= 0) {
        continue;
      }
      String id = data.columns().get(c);
      Curve curve = curve(shapes.get(c), ranges[c]);
      Direction direction = direction(directions, id);
      Kpi<?> kpi = data.kpi(id).orElseGet(() -> new MetricKpi(id, direction, curve));
      builder.kpi(kpi, weight, curve);
      any = true;
    }
    if (!any) {
      // Nothing predicts: one flat KPI keeps the model valid, and calibration gives the base rate.
      String id = data.columns().get(0);
      Curve flat = Curve.Steps.of(50, new Curve.Step(0, 50));
      Kpi<?> kpi = data.kpi(id).orElseGet(() -> new MetricKpi(id, direction(directions, id), flat));
      builder.kpi(kpi, 1, flat);
    }
    return new Conversion(builder.build(), intercept, any ? total / 100 : 0);
  }

  private static Curve curve(AdditiveLogit.Shape shape, double range) {
    double[] v = shape.values();
    double min = Double.POSITIVE_INFINITY;
    for (double value : v) {
      min = Math.min(min, value);
    }
    double below = score(v[0], min, range);
    List<Curve.Step> steps = new ArrayList<>();
    double last = below;
    for (int k = 1; k < v.length; k++) {
      double s = score(v[k], min, range);
      if (s != last) {
        steps.add(new Curve.Step(shape.thresholds()[k - 1], s));
        last = s;
      }
    }
    if (steps.isEmpty()) {
      steps.add(new Curve.Step(shape.thresholds().length > 0 ? shape.thresholds()[0] : 0, below));
    }
    return new Curve.Steps(below, steps);
  }

  private static double score(double value, double min, double range) {
    return Math.max(0, Math.min(100, round(100 * (value - min) / range, SCORE_SCALE)));
  }

  private static double round(double value, int scale) {
    return Math.round(value * scale) / (double) scale;
  }

  private static double[][] rows(double[][] x, int[] positions) {
    double[][] out = new double[positions.length][];
    for (int i = 0; i < positions.length; i++) {
      out[i] = x[positions[i]];
    }
    return out;
  }

  private static double[] rows(double[] y, int[] positions) {
    double[] out = new double[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = y[positions[i]];
    }
    return out;
  }

  private static boolean[] rows(boolean[] y, int[] positions) {
    boolean[] out = new boolean[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = y[positions[i]];
    }
    return out;
  }

  private static int[] rows(int[] y, int[] positions) {
    int[] out = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = y[positions[i]];
    }
    return out;
  }

  /** Returns the positions of the scores that are not NaN, in order. */
  private static int[] scoredRows(double[] scores) {
    return java.util.stream.IntStream.range(0, scores.length)
        .filter(r -> !Double.isNaN(scores[r])).toArray();
  }
}
