package dev.chs.learn;

import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.MetricKpi;
import dev.chs.core.model.RenewalMapping;
import dev.chs.learn.internal.Folds;
import dev.chs.learn.internal.LogisticFit;
import dev.chs.learn.internal.Maths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Back-tests renewal prediction: fits on some renewals, predicts the others, and compares the
 * learned model with two peers on the same rows.
 *
 * <p>The models compared, each fitted on the training rows only:
 *
 * <ul>
 *   <li>{@value #LEARNED}: {@link RenewalFitter}'s model, scored through {@code Scorer} and read
 *       through its own renewal mapping, so this row is what its model file scores (isotonic
 *       with the default options);
 *   <li>{@value #LEARNED_PLATT} or {@value #LEARNED_ISOTONIC}: the same model and scores with
 *       the fit's other calibration, the one the options did not choose, read through the
 *       mapping a model fitted with that choice would hold;
 *   <li>{@value #DEFAULT}: for event data, the model that computed the KPIs (the default model
 *       unless another was given), with its own weights, curves and renewal mapping; for snapshot
 *       data, which has no hand-weighted model, equal weights and {@link Curve.Linear} curves from
 *       the 5th to the 95th percentile of each column on the training rows, in the direction
 *       learned there, with {@link RenewalMapping#DEFAULT}. Neither is calibrated;
 *   <li>{@value #LOGISTIC}: plain logistic regression with a ridge of 1 over the same raw columns,
 *       standardised on the training rows, a missing value replaced by the training mean.
 * </ul>
 *
 * <p>An account that a model cannot score (its coverage is below the model's minimum) is given
 * the training rows' churn rate, and counted in {@link ModelMetrics#unscored()}. Metrics are
 * computed once, on the pooled out-of-fold predictions, as {@link ModelMetrics} describes.
 *
 * <p>A back-test holds no state, is deterministic for a seed, and is safe to run from many
 * threads.
 *
 * @since 0.1.0
 */
public final class Backtest {
  /** The name of the learned model, read through its own renewal mapping. */
  public static final String LEARNED = "learned";
  /** The name of the learned model with its Platt calibration, when that is not its own. */
  public static final String LEARNED_PLATT = "learned_platt";
  /** The name of the learned model with its isotonic calibration, when that is not its own. */
  public static final String LEARNED_ISOTONIC = "learned_isotonic";
  /** The name of the default, hand-weighted peer. */
  public static final String DEFAULT = "default";
  /** The name of the logistic-regression peer. */
  public static final String LOGISTIC = "logistic";
  /** The default number of folds. */
  public static final int DEFAULT_FOLDS = 5;
  /** The default seed of the folds and of fitting. */
  public static final long DEFAULT_SEED = 7;
  /** The default share of the latest renewals that a time split tests on. */
  public static final double DEFAULT_TEST_SHARE = 0.3;

  /** The learned model, its other calibration, and the two peers. */
  private static final int MODELS = 4;
  private static final double LOGISTIC_L2 = 1.0;

  private Backtest() {}

  /**
   * Runs stratified k-fold cross-validation: the rows of each outcome are shuffled with the seed
   * and dealt to the folds in turn, and each fold is predicted by models fitted on the others.
   *
   * @param data the renewals
   * @param folds the number of folds, from 2 to the number of rows of the rarer outcome
   * @param seed the seed of the folds; fitting uses {@code options} with this seed too
   * @param options the fit settings of the learned model
   * @return the report
   * @throws IllegalArgumentException if {@code folds} is out of range, or the data have no source
   *     model and every column is constant or empty on a fold's training rows
   * @throws NullPointerException if an argument is null
   */
  public static BacktestReport crossValidate(
      RenewalData data, int folds, long seed, FitOptions options) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(options, "options");
    int rarer = Math.min(data.churned(), data.size() - data.churned());
    if (folds < 2 || folds > rarer) {
      throw new IllegalArgumentException("folds: must be in [2, " + rarer
          + "] (the rows of the rarer outcome), was " + folds);
    }
    boolean[] churned = churned(data);
    int[] fold = Folds.stratified(churned, folds, seed);
    double[][] predictions = new double[MODELS][data.size()];
    int[] unscored = new int[MODELS];
    for (int f = 0; f < folds; f++) {
      int[] train = Folds.select(fold, f, false);
      int[] test = Folds.select(fold, f, true);
      predict(data, train, test, options.withSeed(seed), predictions, unscored);
    }
    String method = "stratified " + folds + "-fold cross-validation, seed " + seed;
    return report(data, method, "stratified_k_fold", folds, seed, predictions, unscored, churned,
        options);
  }

  /**
   * Runs a time split: trains on the earliest renewals and tests on the latest. The test rows
   * are those due on or after the first renewal date at which at least {@code 1 - testShare} of
   * the rows lie before it.
   *
   * @param data the renewals
   * @param testShare the share of rows to test on, in (0, 1)
   * @param options the fit settings of the learned model
   * @return the report
   * @throws IllegalArgumentException if the share is out of range, or the split leaves no test
   *     rows, or training rows without both outcomes (for example when every renewal has the same
   *     date, as in snapshot data), or the data have no source model and every column is
   *     constant or empty on the training rows
   * @throws NullPointerException if an argument is null
   */
  public static BacktestReport timeSplit(RenewalData data, double testShare, FitOptions options) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(options, "options");
    if (!(testShare > 0 && testShare < 1)) {
      throw new IllegalArgumentException("testShare: must be in (0, 1), was " + testShare);
    }
    Instant[] dates = data.rows().stream().map(RenewalData.Renewal::renewalDate)
        .sorted().toArray(Instant[]::new);
    Instant cutoff = dates[Math.min(dates.length - 1,
        (int) Math.ceil((1 - testShare) * dates.length))];
    List<Integer> trainRows = new ArrayList<>();
    List<Integer> testRows = new ArrayList<>();
    for (int r = 0; r < data.size(); r++) {
      (data.rows().get(r).renewalDate().isBefore(cutoff) ? trainRows : testRows).add(r);
    }
    int[] train = trainRows.stream().mapToInt(Integer::intValue).toArray();
    int[] test = testRows.stream().mapToInt(Integer::intValue).toArray();
    RenewalData training = data.subset(train);
    int trainChurned = training.churned();
    if (test.length == 0 || trainChurned == 0 || trainChurned == train.length) {
      throw new IllegalArgumentException("data: a time split at " + cutoff + " must leave test"
          + " rows and training rows with both outcomes; it left " + train.length
          + " training rows (" + trainChurned + " churned) and " + test.length + " test rows;"
          + " the data hold " + new TreeSet<>(Arrays.asList(dates)).size()
          + " distinct renewal dates");
    }
    double[][] predictions = new double[MODELS][data.size()];
    int[] unscored = new int[MODELS];
    predict(data, train, test, options, predictions, unscored);
    RenewalData tested = data.subset(test);
    double[][] testPredictions = new double[MODELS][];
    for (int m = 0; m < MODELS; m++) {
      double[] p = new double[test.length];
      for (int i = 0; i < test.length; i++) {
        p[i] = predictions[m][test[i]];
      }
      testPredictions[m] = p;
    }
    String method = "time split: train on " + train.length + " renewals before " + cutoff
        + ", test on " + test.length + " from then on";
    return report(tested, method, "time_split", 0, options.seed(), testPredictions, unscored,
        churned(tested), options);
  }

  private static void predict(RenewalData data, int[] train, int[] test, FitOptions options,
      double[][] predictions, int[] unscored) {
    RenewalData training = data.subset(train);
    RenewalData testing = data.subset(test);
    double renewalRate = 1 - training.churned() / (double) training.size();

    // The learned model, through its own mapping and through the other calibration.
    FittedModel fitted = RenewalFitter.fit(training, options);
    double[] scores = Predictions.scores(fitted.model(), testing);
    store(predictions[0], test, Predictions.renewal(scores, fitted.model(), renewalRate));
    RenewalMapping other = options.calibration() == Calibration.Kind.ISOTONIC
        ? fitted.platt().toMapping() : fitted.isotonic().toMapping();
    store(predictions[1], test, Predictions.renewal(scores, other, renewalRate));
    unscored[0] += Predictions.unscored(scores);
    unscored[1] += Predictions.unscored(scores);

    // The default peer.
    HealthModel peer = training.sourceModel().orElseGet(() -> snapshotDefault(training));
    double[] peerScores = Predictions.scores(peer, testing);
    store(predictions[2], test, Predictions.renewal(peerScores, peer, renewalRate));
    unscored[2] += Predictions.unscored(peerScores);

    // Logistic regression over the raw columns.
    store(predictions[3], test, logistic(training, testing));
  }

  private static void store(double[] into, int[] positions, double[] renewal) {
    for (int i = 0; i < positions.length; i++) {
      into[positions[i]] = renewal[i];
    }
  }

  /** Returns the snapshot stand-in for a hand-weighted model, as the class description says. */
  static HealthModel snapshotDefault(RenewalData training) {
    Map<String, Direction> directions = RenewalFitter.directions(training);
    HealthModel.Builder builder = HealthModel.builder().renewal(RenewalMapping.DEFAULT);
    boolean any = false;
    for (int c = 0; c < training.columns().size(); c++) {
      double[] present = new double[training.size()];
      int n = 0;
      for (int r = 0; r < training.size(); r++) {
        double v = training.value(r, c);
        if (!Double.isNaN(v)) {
          present[n++] = v;
        }
      }
      present = Arrays.copyOf(present, n);
      Arrays.sort(present);
      if (n == 0) {
        continue;
      }
      double low = present[(int) Math.floor(0.05 * (n - 1))];
      double high = present[(int) Math.ceil(0.95 * (n - 1))];
      if (low == high) {
        low = present[0];
        high = present[n - 1];
      }
      if (low == high) {
        continue;
      }
      String id = training.columns().get(c);
      Direction direction = RenewalFitter.direction(directions, id);
      Curve curve = direction == Direction.LOWER_IS_BETTER
          ? new Curve.Linear(high, low) : new Curve.Linear(low, high);
      Kpi<?> kpi = training.kpi(id).orElseGet(() -> new MetricKpi(id, direction, curve));
      builder.kpi(kpi, 1, curve);
      any = true;
    }
    if (!any) {
      throw new IllegalArgumentException("data: must have a column that varies on the training"
          + " rows, but each of " + training.columns() + " is constant or empty there");
    }
    return builder.build();
  }

  private static double[] logistic(RenewalData training, RenewalData testing) {
    int p = training.columns().size();
    double[] mean = new double[p];
    double[] sd = new double[p];
    for (int c = 0; c < p; c++) {
      double sum = 0;
      double squares = 0;
      int n = 0;
      for (int r = 0; r < training.size(); r++) {
        double v = training.value(r, c);
        if (!Double.isNaN(v)) {
          sum += v;
          squares += v * v;
          n++;
        }
      }
      mean[c] = n == 0 ? 0 : sum / n;
      double variance = n == 0 ? 0 : Math.max(0, squares / n - mean[c] * mean[c]);
      sd[c] = Math.sqrt(variance);
    }
    double[] beta = LogisticFit.fit(standardised(training, mean, sd), training.renewedLabels(),
        LOGISTIC_L2);
    double[][] x = standardised(testing, mean, sd);
    double[] renewal = new double[x.length];
    for (int r = 0; r < x.length; r++) {
      double eta = beta[0];
      for (int c = 0; c < p; c++) {
        eta += beta[c + 1] * x[r][c];
      }
      renewal[r] = Maths.sigmoid(eta);
    }
    return renewal;
  }

  private static double[][] standardised(RenewalData data, double[] mean, double[] sd) {
    double[][] x = new double[data.size()][mean.length];
    for (int r = 0; r < x.length; r++) {
      for (int c = 0; c < mean.length; c++) {
        double v = data.value(r, c);
        x[r][c] = Double.isNaN(v) || sd[c] == 0 ? 0 : (v - mean[c]) / sd[c];
      }
    }
    return x;
  }

  private static boolean[] churned(RenewalData data) {
    boolean[] churned = new boolean[data.size()];
    for (int r = 0; r < churned.length; r++) {
      churned[r] = !data.rows().get(r).renewed();
    }
    return churned;
  }

  private static BacktestReport report(RenewalData data, String method, String kind, int folds,
      long seed, double[][] renewal, int[] unscored, boolean[] churned, FitOptions options) {
    String other = options.calibration() == Calibration.Kind.ISOTONIC
        ? LEARNED_PLATT : LEARNED_ISOTONIC;
    String[] names = {LEARNED, other, DEFAULT, LOGISTIC};
    List<ModelMetrics> models = new ArrayList<>();
    for (int m = 0; m < MODELS; m++) {
      double[] churn = new double[renewal[m].length];
      for (int r = 0; r < churn.length; r++) {
        churn[r] = Math.max(0, Math.min(1, 1 - renewal[m][r]));
      }
      models.add(ModelMetrics.of(names[m], churn, churned, unscored[m]));
    }
    int churners = 0;
    for (boolean c : churned) {
      churners += c ? 1 : 0;
    }
    return new BacktestReport(data.name(), kind, method, folds, seed, churned.length, churners,
        models);
  }
}
