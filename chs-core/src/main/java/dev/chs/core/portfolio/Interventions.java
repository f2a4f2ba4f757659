package dev.chs.core.portfolio;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.core.model.InterventionPolicy;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interventions over a series of portfolio snapshots, for batch jobs. It runs one {@link
 * InterventionTracker} per account and cloud, and per account overall, over the snapshots in
 * order, so it fires exactly what streaming trackers fed the same scores would fire.
 *
 * @since 0.1.0
 */
public final class Interventions {
  private static final Comparator<AccountHealth> BY_ACCOUNT =
      Comparator.comparing(AccountHealth::account);

  private Interventions() {}

  /**
   * Returns the interventions that a series of snapshots fires.
   *
   * <p>A key seen for the first time starts an armed tracker. A cloud missing from a later
   * snapshot is treated as insufficient data: its state is left as it was.
   *
   * @param snapshots the accounts' health, one collection per as-of instant, in increasing order
   *     of time; each account at most once per snapshot
   * @param policy the threshold and hysteresis, usually the model's {@code interventions()}
   * @return the interventions, in order of snapshot, then of {@link ScoreKey}: account by account,
   *     each account's clouds before its overall score
   * @throws IllegalArgumentException if an account appears twice in a snapshot, or an account's
   *     as-of instant does not increase from one snapshot to the next
   * @throws NullPointerException if an argument or an element is null
   */
  public static List<Intervention> of(
      List<? extends Collection<AccountHealth>> snapshots, InterventionPolicy policy) {
    Checks.requireNonNull("snapshots", snapshots);
    Checks.requireNonNull("policy", policy);
    Map<ScoreKey, InterventionTracker> trackers = new HashMap<>();
    List<Intervention> fired = new ArrayList<>();
    for (int i = 0; i < snapshots.size(); i++) {
      List<AccountHealth> snapshot = new ArrayList<>(snapshots.get(i));
      snapshot.sort(BY_ACCOUNT);
      Set<AccountId> seen = new HashSet<>();
      for (AccountHealth account : snapshot) {
        if (!seen.add(account.account())) {
          throw new IllegalArgumentException(
              "snapshots[" + i + "]: each account at most once expected, '" + account.account()
                  + "' appears twice");
        }
        for (ScoreKey key : keys(account)) {
          trackers.computeIfAbsent(key, k -> InterventionTracker.of(k, policy))
              .observe(account)
              .ifPresent(fired::add);
        }
      }
    }
    return fired;
  }

  /** Returns the keys of an account's scores, in {@link ScoreKey} order: clouds, then overall. */
  private static List<ScoreKey> keys(AccountHealth account) {
    List<ScoreKey> keys = new ArrayList<>(account.clouds().size() + 1);
    for (CloudHealth cloud : account.clouds()) {
      keys.add(ScoreKey.of(account.account(), cloud.cloud()));
    }
    keys.add(ScoreKey.overall(account.account()));
    return keys;
  }
}
