package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.learn.internal.Folds;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The calibration of a fit is learned from held-out log-odds: each row's comes from a model that
 * never saw that row's label.
 */
class CrossFittedCalibrationTest {
  private static final int ROWS = 240;
  private static final int FOLDS = 5;
  private static final int ROUNDS = 15;

  @Property(tries = 15)
  void aRowsHeldOutLogOddsDoNotDependOnItsOwnLabel(
      @ForAll @LongRange(min = 1, max = 1_000) long seed,
      @ForAll @IntRange(min = 0, max = ROWS - 1) int row) {
    RenewalData data = Synthetic.data(ROWS, seed, 0.2);
    RenewalData flipped = withLabelFlipped(data, row);
    // The folds are fixed first: stratified folds are dealt by label, so flipping it would move
    // rows between folds, which is not what this property is about.
    int[] fold = Folds.stratified(labels(data), FOLDS, 7);

    double[] heldOut = RenewalFitter.heldOutLogOdds(data, FitOptions.DEFAULT, fold, FOLDS, ROUNDS);
    double[] afterFlip =
        RenewalFitter.heldOutLogOdds(flipped, FitOptions.DEFAULT, fold, FOLDS, ROUNDS);

    // Compared as Double.compare does, so that a row no model could score (NaN) counts too.
    assertThat(Double.valueOf(afterFlip[row])).isEqualTo(Double.valueOf(heldOut[row]));
    // The label does reach the rows of the other folds, whose models were fitted on it.
    int changed = 0;
    for (int r = 0; r < ROWS; r++) {
      if (fold[r] != fold[row] && Double.compare(afterFlip[r], heldOut[r]) != 0) {
        changed++;
      }
    }
    assertThat(changed).isPositive();
  }

  private static RenewalData withLabelFlipped(RenewalData data, int row) {
    List<RenewalData.Renewal> rows = new ArrayList<>(data.rows());
    RenewalData.Renewal old = rows.get(row);
    rows.set(row, new RenewalData.Renewal(old.account(), old.cloud(), old.renewalDate(),
        !old.renewed()));
    double[][] values = new double[data.size()][data.columns().size()];
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < values[r].length; c++) {
        values[r][c] = data.value(r, c);
      }
    }
    return RenewalData.of(data.name(), data.columns(), data.directions(), rows, values);
  }

  private static boolean[] labels(RenewalData data) {
    boolean[] renewed = new boolean[data.size()];
    for (int r = 0; r < renewed.length; r++) {
      renewed[r] = data.rows().get(r).renewed();
    }
    return renewed;
  }
}
