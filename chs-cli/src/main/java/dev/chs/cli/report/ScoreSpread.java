package dev.chs.cli.report;

import dev.chs.api.Band;
import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.OverallHealth;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the scores of one group spread: the scores of one cloud over every account that has it, or
 * the overall scores of every account.
 *
 * <p>For a cloud, each (account, cloud) pair counts once, weighted by its ARR. For the overall
 * scores, each account counts once, weighted by its <em>scored</em> ARR, the ARR of the clouds its
 * overall score stands for; the ARR of its unscored clouds counts as unscored. So in both, the ARR
 * of the bands plus the unscored ARR is the group's whole ARR.
 *
 * @param scores the scores of the scored members, in increasing order; each in [0, 100]. The
 *     array is the record's own and must not be changed
 * @param weightedMean the ARR-weighted mean of the scores, or NaN when no scored member has ARR
 * @param mean the plain mean of the scores, or NaN when nothing is scored
 * @param unscored how many members have insufficient data
 * @param counts how many scored members fall in each band; every band is present
 * @param arr the ARR of the scored members in each band; every band is present
 * @param unscoredArr the ARR without a score
 */
// Never compared or hashed: a spread is built for one report and read there, so the identity
// equality of its array, which the check warns of, does not matter.
@SuppressWarnings("ArrayRecordComponent")
record ScoreSpread(
    double[] scores,
    double weightedMean,
    double mean,
    int unscored,
    Map<Band, Integer> counts,
    Map<Band, Double> arr,
    double unscoredArr) {

  /**
   * Returns how many members are scored.
   *
   * @return the number of scores
   */
  int scored() {
    return scores.length;
  }

  /**
   * Returns the group's whole ARR, scored or not.
   *
   * @return the ARR of the bands plus the unscored ARR
   */
  double totalArr() {
    double total = unscoredArr;
    for (double value : arr.values()) {
      total += value;
    }
    return total;
  }

  /**
   * Returns the score at a quantile, interpolating linearly between the sorted scores.
   *
   * @param q the quantile, in [0, 1]
   * @return the score, or NaN when nothing is scored
   */
  double quantile(double q) {
    if (scores.length == 0) {
      return Double.NaN;
    }
    double position = q * (scores.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, scores.length - 1);
    double fraction = position - below;
    return scores[below] + fraction * (scores[above] - scores[below]);
  }

  /**
   * Returns the spread of each cloud's scores.
   *
   * @param accounts the accounts' health
   * @return the spread per cloud, in order of cloud id
   */
  static SortedMap<CloudId, ScoreSpread> byCloud(Iterable<AccountHealth> accounts) {
    SortedMap<CloudId, Tally> tallies = new TreeMap<>();
    for (AccountHealth account : accounts) {
      for (CloudHealth cloud : account.clouds()) {
        Tally tally = tallies.computeIfAbsent(cloud.cloud(), c -> new Tally());
        if (cloud.score() instanceof HealthScore.Scored scored) {
          tally.scored(scored.score(), scored.band(), cloud.arr(), 0);
        } else {
          tally.unscored(cloud.arr());
        }
      }
    }
    SortedMap<CloudId, ScoreSpread> spreads = new TreeMap<>();
    tallies.forEach((cloud, tally) -> spreads.put(cloud, tally.spread()));
    return spreads;
  }

  /**
   * Returns the spread of the accounts' overall scores.
   *
   * @param accounts the accounts' health
   * @return the spread
   */
  static ScoreSpread overall(Iterable<AccountHealth> accounts) {
    Tally tally = new Tally();
    for (AccountHealth account : accounts) {
      if (account.overall() instanceof OverallHealth.Scored scored) {
        tally.scored(
            scored.score(), scored.band(), scored.scoredArr(), scored.arr() - scored.scoredArr());
      } else {
        tally.unscored(account.overall().arr());
      }
    }
    return tally.spread();
  }

  /** Sums up one group, member by member. */
  private static final class Tally {
    private double[] scores = new double[16];
    private int size;
    private double weighted;
    private double weight;
    private double sum;
    private int unscored;
    private final Map<Band, Integer> counts = new EnumMap<>(Band.class);
    private final Map<Band, Double> arr = new EnumMap<>(Band.class);
    private double unscoredArr;

    Tally() {
      for (Band band : Band.values()) {
        counts.put(band, 0);
        arr.put(band, 0.0);
      }
    }

    void scored(double score, Band band, double scoredArr, double unscoredPart) {
      if (size == scores.length) {
        scores = Arrays.copyOf(scores, size * 2);
      }
      scores[size++] = score;
      sum += score;
      weighted += score * scoredArr;
      weight += scoredArr;
      counts.merge(band, 1, Integer::sum);
      arr.merge(band, scoredArr, Double::sum);
      unscoredArr += Math.max(0, unscoredPart);
    }

    void unscored(double memberArr) {
      unscored++;
      unscoredArr += memberArr;
    }

    ScoreSpread spread() {
      double[] sorted = Arrays.copyOf(scores, size);
      Arrays.sort(sorted);
      return new ScoreSpread(
          sorted,
          weight > 0 ? weighted / weight : Double.NaN,
          size > 0 ? sum / size : Double.NaN,
          unscored,
          Collections.unmodifiableMap(counts),
          Collections.unmodifiableMap(arr),
          unscoredArr);
    }
  }
}
