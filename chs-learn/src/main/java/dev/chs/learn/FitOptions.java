package dev.chs.learn;

import java.util.Objects;

/**
 * The settings of {@link RenewalFitter}. Every fit with the same settings and data gives the same
 * model, to the bit.
 *
 * @param seed the seed of the inner split that picks the number of boosting rounds
 * @param maxBins the most bins, at quantiles of the training values, of a learned curve; at
 *     least 2
 * @param minBinRows the fewest training rows a bin holds; at least 1
 * @param learningRate the shrinkage of each boosting step, in (0, 1]
 * @param l2 the ridge penalty on the bins' logit values, in units of log-likelihood; at least 0
 * @param maxRounds the most boosting rounds; at least 1
 * @param patience how many rounds without improvement of the inner validation loss stop the
 *     boosting; at least 1
 * @param validationShare the share of the training rows held out to pick the number of rounds,
 *     in (0, 0.5]
 * @param monotone whether each learned curve is kept monotone in its KPI's direction (a KPI
 *     whose direction is {@code STABLE_IS_BETTER} is never constrained)
 * @param minimumCoverage the minimum coverage of the fitted model, in [0, 1]
 * @param calibration the calibration that becomes the fitted model's renewal mapping; not null
 * @since 0.1.0
 */
public record FitOptions(
    long seed,
    int maxBins,
    int minBinRows,
    double learningRate,
    double l2,
    int maxRounds,
    int patience,
    double validationShare,
    boolean monotone,
    double minimumCoverage,
    Calibration.Kind calibration) {
  /**
   * The defaults: seed 7, 32 bins of at least 20 rows, learning rate 0.3, ridge 1, at most 300
   * rounds with patience 30 on a 20% inner split, monotone curves, minimum coverage 0.5, and
   * isotonic calibration: the churn of an additive score can level off among the riskiest
   * accounts, which the two parameters of Platt scaling cannot follow.
   */
  public static final FitOptions DEFAULT =
      new FitOptions(7, 32, 20, 0.3, 1.0, 300, 30, 0.2, true, 0.5, Calibration.Kind.ISOTONIC);

  /**
   * Creates fit options.
   *
   * @throws IllegalArgumentException listing every setting out of range
   * @throws NullPointerException if {@code calibration} is null
   */
  public FitOptions {
    Objects.requireNonNull(calibration, "calibration");
    StringBuilder errors = new StringBuilder();
    check(errors, maxBins >= 2, "max_bins: must be >= 2, was " + maxBins);
    check(errors, minBinRows >= 1, "min_bin_rows: must be >= 1, was " + minBinRows);
    check(errors, learningRate > 0 && learningRate <= 1,
        "learning_rate: must be in (0, 1], was " + learningRate);
    check(errors, l2 >= 0 && Double.isFinite(l2), "l2: must be a finite number >= 0, was " + l2);
    check(errors, maxRounds >= 1, "max_rounds: must be >= 1, was " + maxRounds);
    check(errors, patience >= 1, "patience: must be >= 1, was " + patience);
    check(errors, validationShare > 0 && validationShare <= 0.5,
        "validation_share: must be in (0, 0.5], was " + validationShare);
    check(errors, minimumCoverage >= 0 && minimumCoverage <= 1,
        "minimum_coverage: must be in [0, 1], was " + minimumCoverage);
    if (errors.length() > 0) {
      throw new IllegalArgumentException(errors.toString());
    }
  }

  /**
   * Creates fit options with the default, isotonic calibration; the parameters are those of the
   * record.
   *
   * @throws IllegalArgumentException listing every setting out of range
   */
  public FitOptions(long seed, int maxBins, int minBinRows, double learningRate, double l2,
      int maxRounds, int patience, double validationShare, boolean monotone,
      double minimumCoverage) {
    this(seed, maxBins, minBinRows, learningRate, l2, maxRounds, patience, validationShare,
        monotone, minimumCoverage, Calibration.Kind.ISOTONIC);
  }

  private static void check(StringBuilder errors, boolean ok, String message) {
    if (!ok) {
      errors.append(errors.length() == 0 ? "" : "; ").append(message);
    }
  }

  /**
   * Returns these options with another seed.
   *
   * @param seed the seed
   * @return the options
   */
  public FitOptions withSeed(long seed) {
    return new FitOptions(seed, maxBins, minBinRows, learningRate, l2, maxRounds, patience,
        validationShare, monotone, minimumCoverage, calibration);
  }

  /**
   * Returns these options with monotone curves switched on or off.
   *
   * @param monotone whether learned curves stay monotone
   * @return the options
   */
  public FitOptions withMonotone(boolean monotone) {
    return new FitOptions(seed, maxBins, minBinRows, learningRate, l2, maxRounds, patience,
        validationShare, monotone, minimumCoverage, calibration);
  }

  /**
   * Returns these options with another minimum coverage for the fitted model.
   *
   * @param coverage the minimum coverage, in [0, 1]
   * @return the options
   * @throws IllegalArgumentException if the coverage is out of range
   */
  public FitOptions withMinimumCoverage(double coverage) {
    return new FitOptions(seed, maxBins, minBinRows, learningRate, l2, maxRounds, patience,
        validationShare, monotone, coverage, calibration);
  }

  /**
   * Returns these options with another calibration for the fitted model's renewal mapping.
   *
   * @param kind {@link Calibration.Kind#PLATT}, written as a logistic mapping, or {@link
   *     Calibration.Kind#ISOTONIC}, written as an isotonic one
   * @return the options
   * @throws NullPointerException if {@code kind} is null
   * @since 0.1.0
   */
  public FitOptions withCalibration(Calibration.Kind kind) {
    return new FitOptions(seed, maxBins, minBinRows, learningRate, l2, maxRounds, patience,
        validationShare, monotone, minimumCoverage, kind);
  }
}
