package dev.chs.examples;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Contribution;
import dev.chs.api.HealthScore;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import dev.chs.core.model.HealthModel;
import dev.chs.core.portfolio.Intervention;
import dev.chs.core.portfolio.Interventions;
import dev.chs.core.portfolio.RevenueAtRisk;
import dev.chs.core.portfolio.Watchlist;
import dev.chs.core.portfolio.WatchlistEntry;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.OverallHealth;
import dev.chs.core.score.Scorer;
import dev.chs.kpis.CasesClosedToCreated;
import dev.chs.kpis.ComplaintsRaised;
import dev.chs.kpis.FirstTimeFixRate;
import dev.chs.kpis.OpenSupportCases;
import dev.chs.kpis.ProductAdoption;
import dev.chs.kpis.Sentiment;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a health model in Java, scores four accounts from raw signals, and prints their scores
 * with explanations, the revenue at risk, the watchlist and the interventions.
 *
 * <p>Run it with {@code mvn -q -pl chs-examples/java-api -am -DskipTests package exec:java}.
 */
public final class QuickStart {
  private static final Instant AS_OF = Instant.parse("2026-11-30T00:00:00Z");
  private static final CloudId SALES = CloudId.of("sales");
  private static final CloudId SERVICE = CloudId.of("service");

  private QuickStart() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(SampleSignals.portfolio(AS_OF), System.out);
  }

  /**
   * Scores the signals and prints what chs makes of them.
   *
   * @param signals the portfolio's signals
   * @param out where to print
   */
  static void run(List<Signal> signals, PrintStream out) {
    // README:begin
    HealthModel model = HealthModel.builder()
        .window(Duration.ofDays(90))
        .minimumCoverage(0.5)
        .kpi(new OpenSupportCases(), 0.15)
        .kpi(new CasesClosedToCreated(), 0.10)
        .kpi(new FirstTimeFixRate(), 0.15)
        .kpi(new ComplaintsRaised(), 0.20)
        .kpi(new ProductAdoption(), 0.25)
        .kpi(new Sentiment(), 0.15)
        .cloudWeight(FirstTimeFixRate.ID, SERVICE, 0.30) // field service matters more there
        .build();
    Scorer scorer = Scorer.of(model); // immutable: share it between threads

    List<AccountHealth> now = scorer.scoreSignals(signals, AS_OF);
    List<AccountHealth> windowAgo = scorer.scoreSignals(signals, AS_OF.minus(model.window()));

    for (AccountHealth account : now) {
      for (CloudHealth cloud : account.clouds()) {
        if (cloud.score() instanceof HealthScore.Scored scored) {
          out.printf(Locale.ROOT, "%-9s %-8s %5.1f %s%n",
              account.account(), scored.cloud(), scored.score(), scored.band());
          for (Contribution c : scored.contributions()) {
            out.printf(Locale.ROOT, "    %-24s score %5.1f  adds %5.1f  costs %5.1f%n",
                c.kpiId(), c.score(), c.points(), c.pointsLost());
          }
        } else {
          out.printf(Locale.ROOT, "%-9s %-8s insufficient data (coverage %.2f)%n",
              account.account(), cloud.score().cloud(), cloud.score().coverage());
        }
      }
    }

    RevenueAtRisk risk = RevenueAtRisk.of(now);
    Watchlist watchlist = Watchlist.of(now, windowAgo, model.watchlist());
    // README:end

    out.println();
    printOverall(now, out);
    out.println();
    out.printf(Locale.ROOT, "Revenue at risk: expected loss %,.0f, exposed ARR %,.0f of %,.0f"
        + " (unscored %,.0f)%n", risk.total().expectedLoss(), risk.total().exposedArr(),
        risk.total().arr(), risk.total().unscoredArr());
    risk.byCloud().forEach((cloud, totals) -> out.printf(Locale.ROOT,
        "    %-8s expected loss %,10.0f  exposed %,10.0f%n",
        cloud, totals.expectedLoss(), totals.exposedArr()));

    out.println();
    out.println("Watchlist:");
    for (WatchlistEntry entry : watchlist.entries()) {
      out.printf(Locale.ROOT, "    %-9s expected loss %,.0f: %s%n",
          entry.account(), entry.expectedLoss(), String.join("; ", entry.reasons()));
    }

    out.println();
    out.println("Interventions, month by month:");
    for (Intervention event : Interventions.of(monthly(scorer, signals), model.interventions())) {
      out.printf(Locale.ROOT, "    %s %s/%s fell to %.1f%n",
          event.asOf().toString().substring(0, 10), event.key().account(), event.key().cloud(),
          event.score());
    }
  }

  private static void printOverall(List<AccountHealth> accounts, PrintStream out) {
    for (AccountHealth account : accounts) {
      if (account.overall() instanceof OverallHealth.Scored overall) {
        out.printf(Locale.ROOT, "%-9s overall %5.1f %-8s weakest cloud %s (%.1f)%n",
            account.account(), overall.score(), overall.band(), overall.weakestCloud(),
            overall.weakestScore());
      } else {
        out.printf("%-9s overall: insufficient data%n", account.account());
      }
    }
  }

  private static List<List<AccountHealth>> monthly(Scorer scorer, List<Signal> signals) {
    List<List<AccountHealth>> snapshots = new ArrayList<>();
    for (int months = 5; months >= 0; months--) {
      Instant asOf = AS_OF.minus(Duration.ofDays(30L * months));
      snapshots.add(scorer.scoreSignals(signals, asOf));
    }
    return snapshots;
  }

  /** A small, hand-made portfolio of four accounts. */
  static final class SampleSignals {
    private SampleSignals() {}

    static List<Signal> portfolio(Instant asOf) {
      List<Signal> signals = new ArrayList<>();
      healthy(AccountId.of("acme"), asOf, signals);
      declining(AccountId.of("globex"), asOf, signals);
      unhappy(AccountId.of("initech"), asOf, signals);
      signals.add(new Contract(AccountId.of("umbrella"), SALES, 20_000, null));
      return signals;
    }

    private static void healthy(AccountId account, Instant asOf, List<Signal> signals) {
      signals.add(new Contract(account, SALES, 120_000, null));
      signals.add(new Contract(account, SERVICE, 80_000, null));
      for (int day = 5; day < 360; day += 15) {
        Instant at = asOf.minus(Duration.ofDays(day));
        signals.add(new SupportCase(account + "-c" + day, account, SERVICE, at,
            at.plus(Duration.ofDays(2)), true));
        signals.add(new WorkOrder(account + "-w" + day, account, SERVICE, at,
            at.plus(Duration.ofDays(1)), day % 45 != 5));
        signals.add(new UsageSample(account, SALES, at, 85, 100));
        signals.add(new UsageSample(account, SERVICE, at, 70, 80));
        signals.add(new SentimentSample(account, CloudId.ACCOUNT_WIDE, at, 0.5));
      }
    }

    private static void declining(AccountId account, Instant asOf, List<Signal> signals) {
      signals.add(new Contract(account, SALES, 60_000, null));
      signals.add(new Contract(account, SERVICE, 150_000, null));
      for (int day = 3; day < 360; day += 6) {
        Instant at = asOf.minus(Duration.ofDays(day));
        boolean recent = day < 120;
        // Cases pile up in service over the last four months, and stay open.
        Instant closed = recent ? null : at.plus(Duration.ofDays(3));
        signals.add(new SupportCase(account + "-c" + day, account, SERVICE, at, closed,
            recent ? Boolean.FALSE : Boolean.TRUE));
        signals.add(new UsageSample(account, SALES, at, recent ? 30 : 70, 100));
        signals.add(new UsageSample(account, SERVICE, at, recent ? 20 : 60, 100));
        signals.add(new SentimentSample(account, SERVICE, at, recent ? -0.4 : 0.3));
      }
      signals.add(
          new Complaint(account + "-k1", account, SERVICE, asOf.minus(Duration.ofDays(20))));
    }

    private static void unhappy(AccountId account, Instant asOf, List<Signal> signals) {
      signals.add(new Contract(account, SALES, 40_000, null));
      for (int day = 10; day < 360; day += 20) {
        Instant at = asOf.minus(Duration.ofDays(day));
        signals.add(new UsageSample(account, SALES, at, 45, 100));
        signals.add(new SentimentSample(account, SALES, at, -0.2));
        signals.add(new SupportCase(account + "-c" + day, account, SALES, at,
            at.plus(Duration.ofDays(10)), day % 40 == 10));
      }
      signals.add(
          new Complaint(account + "-k1", account, SALES, asOf.minus(Duration.ofDays(40))));
      signals.add(
          new Complaint(account + "-k2", account, SALES, asOf.minus(Duration.ofDays(8))));
    }
  }
}
