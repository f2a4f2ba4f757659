package dev.chs.core.portfolio;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * An account on the watchlist, with the revenue it puts at risk and the reasons it is there.
 *
 * @param account the account
 * @param expectedLoss the sum of its scored clouds' expected losses; finite and at least zero
 * @param exposedArr the ARR of its clouds in the {@code AT_RISK} or {@code CRITICAL} band; finite
 *     and at least zero
 * @param trend the change of its overall score since one window earlier, in [-100, 100], negative
 *     when falling; empty when either score is missing or insufficient data
 * @param distress the distinct distress signals it shows, iterated in declaration order; never
 *     empty
 * @param reasons why it is listed, in readable sentences: first its falling or low scores, then its
 *     distress signals, cloud by cloud; never empty
 * @since 0.1.0
 */
public record WatchlistEntry(
    AccountId account,
    double expectedLoss,
    double exposedArr,
    OptionalDouble trend,
    Set<DistressSignal> distress,
    List<String> reasons) {
  /**
   * Creates an entry.
   *
   * @throws IllegalArgumentException if an amount is negative or not finite, or {@code distress}
   *     or {@code reasons} is empty
   * @throws NullPointerException if an argument or an element is null
   */
  public WatchlistEntry {
    Checks.requireNonNull("account", account);
    Checks.requireNonNegative("expected_loss", expectedLoss);
    Checks.requireNonNegative("exposed_arr", exposedArr);
    Checks.requireNonNull("trend", trend);
    reasons = List.copyOf(reasons);
    if (distress.isEmpty() || reasons.isEmpty()) {
      throw new IllegalArgumentException(
          "entry of '" + account + "': distress and reasons must not be empty, were " + distress
              + " and " + reasons);
    }
    distress = Collections.unmodifiableSet(EnumSet.copyOf(distress));
  }
}
