package dev.chs.core.portfolio;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiResult;
import dev.chs.core.model.WatchlistPolicy;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.OverallHealth;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The account watchlist: accounts whose health is falling or already low, and that show distress,
 * ranked by the revenue they put at risk.
 *
 * <p>An account is listed when both of these hold:
 *
 * <ol>
 *   <li>a score of it is <em>in trouble</em>: it fell by at least the policy's {@code minimumFall}
 *       points since the previous snapshot (one window earlier, T - W), or it lies in the {@code
 *       AT_RISK} or {@code CRITICAL} band. This is asked of the overall score and of every cloud's
 *       score, so that a failing cloud is not hidden by the average. A fall must be above zero,
 *       and it counts when it reaches the minimum within 1e-9 points, so that a fall that reads as
 *       10.0 counts as 10. A score with insufficient data, then or now, is neither falling nor low;
 *   <li>it shows at least the policy's {@code minimumDistress} distinct {@link DistressSignal}s, in
 *       any of its clouds, scored or not:
 *       <ul>
 *         <li>heavy support load: the KPI {@code open_support_cases} <em>scores</em> below {@code
 *             openCasesScoreBelow}, or the <em>raw</em> value of {@code cases_closed_to_created}
 *             is below {@code closedToCreatedBelow};
 *         <li>complaint: the raw value of {@code complaints_raised} is above zero, or any KPI of
 *             the cloud carries the flag {@code COMPLAINT};
 *         <li>low sentiment: the raw value of {@code sentiment} is below {@code sentimentBelow}.
 *       </ul>
 *       The KPIs are looked up by these ids in {@link HealthScore#kpis()}, whatever their weight; a
 *       KPI that is absent or not applicable is not a distress signal.
 * </ol>
 *
 * <p>Entries are ranked by expected loss, highest first, then by exposed ARR, highest first, then
 * by account id, so the order is deterministic.
 *
 * @param entries the listed accounts, in rank order
 * @since 0.1.0
 */
public record Watchlist(List<WatchlistEntry> entries) {
  private static final String OPEN_CASES = "open_support_cases";
  private static final String CLOSED_TO_CREATED = "cases_closed_to_created";
  private static final String COMPLAINTS = "complaints_raised";
  private static final String SENTIMENT = "sentiment";
  private static final String COMPLAINT_FLAG = "COMPLAINT";
  private static final double FALL_TOLERANCE = 1e-9;

  private static final Comparator<WatchlistEntry> RANK =
      Comparator.comparingDouble(WatchlistEntry::expectedLoss).reversed()
          .thenComparing(Comparator.comparingDouble(WatchlistEntry::exposedArr).reversed())
          .thenComparing(WatchlistEntry::account);

  /**
   * Creates a watchlist.
   *
   * @throws NullPointerException if {@code entries} or an entry is null
   */
  public Watchlist {
    entries = List.copyOf(entries);
  }

  /**
   * Builds the watchlist of a portfolio.
   *
   * @param current the accounts' health as of T; each account at most once
   * @param previous the accounts' health one window earlier, at T - W; each account at most once.
   *     An account missing here has no fall, but may still be listed for a low score
   * @param policy the thresholds, usually the model's {@code watchlist()}
   * @return the watchlist, ranked
   * @throws IllegalArgumentException if an account appears twice in {@code current} or in {@code
   *     previous}
   * @throws NullPointerException if an argument or an element is null
   */
  public static Watchlist of(
      List<AccountHealth> current, List<AccountHealth> previous, WatchlistPolicy policy) {
    Checks.requireNonNull("policy", policy);
    byAccount("current", current); // only to reject an account listed twice
    Map<AccountId, AccountHealth> before = byAccount("previous", previous);
    List<WatchlistEntry> entries = new ArrayList<>();
    for (AccountHealth account : current) {
      AccountHealth prior = before.get(account.account());
      List<String> reasons = new ArrayList<>();
      addTrouble(account, prior, policy, reasons);
      if (reasons.isEmpty()) {
        continue;
      }
      Set<DistressSignal> distress = EnumSet.noneOf(DistressSignal.class);
      for (CloudHealth cloud : account.clouds()) {
        addDistress(cloud.score(), policy, distress, reasons);
      }
      if (distress.size() >= policy.minimumDistress()) {
        entries.add(entry(account, prior, distress, reasons));
      }
    }
    entries.sort(RANK);
    return new Watchlist(entries);
  }

  private static Map<AccountId, AccountHealth> byAccount(String field, List<AccountHealth> list) {
    Checks.requireNonNull(field, list);
    Map<AccountId, AccountHealth> map = new HashMap<>();
    for (AccountHealth account : list) {
      if (map.put(account.account(), account) != null) {
        throw new IllegalArgumentException(
            field + ": each account at most once expected, '" + account.account()
                + "' appears twice");
      }
    }
    return map;
  }

  private static void addTrouble(
      AccountHealth account,
      @Nullable AccountHealth prior,
      WatchlistPolicy policy,
      List<String> reasons) {
    // The overall score first, then each cloud's.
    OptionalDouble now = overallScore(account);
    if (now.isPresent()) {
      if (prior != null) {
        addFall("score", now, overallScore(prior), prior.asOf(), policy, reasons);
      }
      OverallHealth.Scored overall = (OverallHealth.Scored) account.overall();
      if (overall.band().isExposed()) {
        reasons.add("overall score is " + overall.band() + " (" + oneDecimal(overall.score())
            + ")");
      }
    }
    for (CloudHealth cloud : account.clouds()) {
      if (!(cloud.score() instanceof HealthScore.Scored scored)) {
        continue;
      }
      if (prior != null) {
        OptionalDouble then =
            prior.cloud(cloud.cloud()).map(CloudHealth::value).orElse(OptionalDouble.empty());
        addFall("score in " + name(cloud.cloud()), cloud.value(), then, prior.asOf(), policy,
            reasons);
      }
      if (scored.band().isExposed()) {
        reasons.add("cloud " + name(cloud.cloud()) + " is " + scored.band() + " ("
            + oneDecimal(scored.score()) + ")");
      }
    }
  }

  private static void addFall(
      String what,
      OptionalDouble now,
      OptionalDouble then,
      Instant since,
      WatchlistPolicy policy,
      List<String> reasons) {
    if (now.isEmpty() || then.isEmpty()) {
      return;
    }
    double fall = then.getAsDouble() - now.getAsDouble();
    if (fall > 0 && fall >= policy.minimumFall() - FALL_TOLERANCE) {
      reasons.add(what + " fell " + oneDecimal(fall) + " points since " + date(since));
    }
  }

  private static void addDistress(
      HealthScore score,
      WatchlistPolicy policy,
      Set<DistressSignal> distress,
      List<String> reasons) {
    String in = name(score.cloud());
    List<String> load = new ArrayList<>();
    String lowSentiment = null;
    boolean complaint = false;
    int complaints = 0;
    for (KpiResult result : score.kpis()) {
      if (!(result instanceof KpiResult.Scored kpi)) {
        continue;
      }
      complaint |= kpi.flags().contains(COMPLAINT_FLAG);
      switch (kpi.kpiId()) {
        case OPEN_CASES -> {
          if (kpi.score() < policy.openCasesScoreBelow()) {
            load.add(count(kpi.raw()) + " open cases");
          }
        }
        case CLOSED_TO_CREATED -> {
          if (kpi.raw() < policy.closedToCreatedBelow()) {
            load.add("closed-to-created " + twoDecimals(kpi.raw()));
          }
        }
        case COMPLAINTS -> {
          if (kpi.raw() > 0) {
            complaint = true;
            complaints = (int) Math.min(Integer.MAX_VALUE, Math.round(kpi.raw()));
          }
        }
        case SENTIMENT -> {
          if (kpi.raw() < policy.sentimentBelow()) {
            lowSentiment = "sentiment " + twoDecimals(kpi.raw()) + " in " + in;
          }
        }
        default -> {
          // Other KPIs are not distress signals.
        }
      }
    }
    if (!load.isEmpty()) {
      distress.add(DistressSignal.HEAVY_SUPPORT_LOAD);
      reasons.add("heavy support load in " + in + ": " + String.join(", ", load));
    }
    if (complaint) {
      distress.add(DistressSignal.COMPLAINT);
      reasons.add((complaints > 1 ? complaints + " complaints" : "complaint") + " raised in " + in);
    }
    if (lowSentiment != null) {
      distress.add(DistressSignal.LOW_SENTIMENT);
      reasons.add(lowSentiment);
    }
  }

  private static WatchlistEntry entry(
      AccountHealth account,
      @Nullable AccountHealth prior,
      Set<DistressSignal> distress,
      List<String> why) {
    double expectedLoss = 0;
    double exposedArr = 0;
    for (CloudHealth cloud : account.clouds()) {
      RiskTotals totals = RiskTotals.of(cloud);
      expectedLoss += totals.expectedLoss();
      exposedArr += totals.exposedArr();
    }
    OptionalDouble trend = OptionalDouble.empty();
    OptionalDouble now = overallScore(account);
    OptionalDouble then = prior == null ? OptionalDouble.empty() : overallScore(prior);
    if (now.isPresent() && then.isPresent()) {
      trend = OptionalDouble.of(now.getAsDouble() - then.getAsDouble());
    }
    return new WatchlistEntry(account.account(), expectedLoss, exposedArr, trend, distress, why);
  }

  private static OptionalDouble overallScore(AccountHealth account) {
    return account.overall() instanceof OverallHealth.Scored scored
        ? OptionalDouble.of(scored.score())
        : OptionalDouble.empty();
  }

  private static String name(CloudId cloud) {
    return cloud.isAccountWide() ? "the whole account" : cloud.value();
  }

  /** Writes a date at midnight UTC as the date alone, and any other instant in full. */
  private static String date(Instant instant) {
    ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
    return utc.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? utc.toLocalDate().toString()
        : instant.toString();
  }

  private static String count(double raw) {
    return raw == Math.rint(raw) && Math.abs(raw) < 1e15
        ? Long.toString((long) raw)
        : oneDecimal(raw);
  }

  private static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String twoDecimals(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
