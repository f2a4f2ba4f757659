package dev.chs.core.portfolio;

import dev.chs.api.Band;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The revenue that a portfolio puts at risk, in two forms, totalled overall, by cloud and by band:
 *
 * <ul>
 *   <li><em>expected loss</em>: the sum over scored clouds of {@code arr * (1 - renewal
 *       probability)};
 *   <li><em>exposed ARR</em>: the ARR of the clouds in the {@code AT_RISK} or {@code CRITICAL}
 *       band.
 * </ul>
 *
 * <p>The ARR of clouds with insufficient data is totalled as {@linkplain RiskTotals#unscoredArr()
 * unscored ARR}, overall and by cloud, so that no revenue silently disappears: {@code total.arr}
 * is the sum of the bands' ARR plus {@code total.unscoredArr}. Totals are built from clouds only;
 * an account's overall row is not counted again.
 *
 * @param total the totals over every cloud of every account
 * @param byCloud the totals per cloud, in order of cloud id; only clouds that occur are present
 * @param byBand the totals per band of the scored clouds; every band is present, with zeros if no
 *     cloud fell in it, and unscored ARR is always zero there
 * @since 0.1.0
 */
public record RevenueAtRisk(
    RiskTotals total, SortedMap<CloudId, RiskTotals> byCloud, Map<Band, RiskTotals> byBand) {
  /**
   * Creates revenue at risk.
   *
   * @throws NullPointerException if an argument, key or value is null
   */
  public RevenueAtRisk {
    Checks.requireNonNull("total", total);
    byCloud = Collections.unmodifiableSortedMap(new TreeMap<>(byCloud));
    EnumMap<Band, RiskTotals> bands = new EnumMap<>(Band.class);
    for (Band band : Band.values()) {
      bands.put(band, RiskTotals.ZERO);
    }
    bands.putAll(byBand);
    byBand = Collections.unmodifiableMap(bands);
  }

  /**
   * Totals the revenue at risk of accounts.
   *
   * @param accounts the accounts' health; each account should appear once, as its clouds are
   *     counted as often as it appears
   * @return the totals
   * @throws NullPointerException if {@code accounts} or an element is null
   */
  public static RevenueAtRisk of(List<AccountHealth> accounts) {
    RiskTotals total = RiskTotals.ZERO;
    SortedMap<CloudId, RiskTotals> byCloud = new TreeMap<>();
    Map<Band, RiskTotals> byBand = new EnumMap<>(Band.class);
    for (AccountHealth account : accounts) {
      for (CloudHealth cloud : account.clouds()) {
        RiskTotals totals = RiskTotals.of(cloud);
        total = total.plus(totals);
        byCloud.merge(cloud.cloud(), totals, RiskTotals::plus);
        if (cloud.score() instanceof HealthScore.Scored scored) {
          byBand.merge(scored.band(), totals, RiskTotals::plus);
        }
      }
    }
    return new RevenueAtRisk(total, byCloud, byBand);
  }

  /**
   * Returns the sum of this and {@code other}, as if their accounts had been totalled together.
   * Spark and Flink combine partial results with it.
   *
   * @param other the revenue at risk of other accounts
   * @return the combined totals
   * @throws NullPointerException if {@code other} is null
   */
  public RevenueAtRisk plus(RevenueAtRisk other) {
    SortedMap<CloudId, RiskTotals> clouds = new TreeMap<>(byCloud);
    other.byCloud.forEach((cloud, totals) -> clouds.merge(cloud, totals, RiskTotals::plus));
    Map<Band, RiskTotals> bands = new EnumMap<>(byBand);
    other.byBand.forEach((band, totals) -> bands.merge(band, totals, RiskTotals::plus));
    return new RevenueAtRisk(total.plus(other.total), clouds, bands);
  }
}
