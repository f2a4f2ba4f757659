package dev.chs.benchmarks;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import dev.chs.core.model.HealthModel;
import dev.chs.kpis.BuiltInKpis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Synthetic signals for the benchmarks, made from a fixed seed so that every run sees the same
 * data.
 *
 * <p>Each (account, cloud) pair gets exactly {@value #SIGNALS_PER_PAIR} signals: 3 support cases,
 * 3 work orders, 2 usage samples, 1 sentiment sample, and either a complaint (15% of pairs) or a
 * contract. Their instants spread over the year before the as-of instant and a few days after it,
 * so that every KPI sees signals inside, before and after its window. The pairs' signals come
 * in two orders: shuffled ({@link #signals}), or made in the order of a time-sorted file ({@link
 * #signalsInReadingOrder}).
 */
final class SyntheticPortfolio {
  /** The as-of instant T of every benchmark. */
  static final Instant AS_OF = Instant.parse("2026-06-30T00:00:00Z");

  /** The clouds of every account. */
  static final List<CloudId> CLOUDS =
      List.of(CloudId.of("revenue"), CloudId.of("sales"), CloudId.of("service"));

  /** How many signals each (account, cloud) pair gets. */
  static final int SIGNALS_PER_PAIR = 10;

  /** The seed of every generator. */
  static final long SEED = 20261203L;

  private static final long DAY = Duration.ofDays(1).toSeconds();

  private SyntheticPortfolio() {}

  /** Returns the model of the seven built-in KPIs with their default weights and curves. */
  static HealthModel builtInModel() {
    HealthModel.Builder builder = HealthModel.builder();
    BuiltInKpis.all().forEach(kpi -> builder.kpi(kpi, 1));
    return builder.cloudWeight("first_time_fix_rate", CloudId.of("service"), 2).build();
  }

  /**
   * Returns the signals of {@code accounts} accounts in the three {@link #CLOUDS}, shuffled.
   *
   * <p>They were made pair by pair, so a signal lies in memory next to those of its own pair, and
   * reading them in their shuffled order misses the cache at nearly every signal.
   *
   * @param accounts how many accounts
   * @return {@code accounts * 3 * SIGNALS_PER_PAIR} signals
   */
  static List<Signal> signals(int accounts) {
    Random random = new Random(SEED);
    List<Signal> signals = pairByPair(random, accounts);
    Collections.shuffle(signals, random);
    return signals;
  }

  /**
   * Returns the same signals as {@link #signals}, in the order a reader of CSV files sorted by
   * time would make them: contracts first, then every other signal in order of {@link
   * Signal#occurredAt()}, ties in the order of {@link #signals}' generation.
   *
   * <p>Each signal is made anew in that order, as a parser allocates rows in the order it reads
   * them, so consecutive signals lie next to each other in memory. As the CLI's reader does, each
   * signal gets its own {@link AccountId}, id strings and instants, and the three clouds are
   * shared.
   *
   * @param accounts how many accounts
   * @return {@code accounts * 3 * SIGNALS_PER_PAIR} signals
   */
  static List<Signal> signalsInReadingOrder(int accounts) {
    List<Signal> made = pairByPair(new Random(SEED), accounts);
    List<Signal> sorted = new ArrayList<>(made);
    sorted.sort(Comparator.comparing(
        Signal::occurredAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())));
    made.clear();
    List<Signal> signals = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      signals.add(readAgain(sorted.get(i)));
      // Let the first copies go, so that the heap holds one set of signals.
      sorted.set(i, null);
    }
    return signals;
  }

  /**
   * Returns the same signals as {@link #signals}, grouped by account: each account's signals one
   * after the other, cloud by cloud, as a job reads a partition grouped by account or a file per
   * account. The accounts come in order of number ({@code acct-0}, {@code acct-1}, and so on),
   * which is not the order of their ids, as a partition sorted by account would have it. Each
   * signal is made anew in that order, with its own {@link AccountId}, as in {@link
   * #signalsInReadingOrder}.
   *
   * @param accounts how many accounts
   * @return {@code accounts * 3 * SIGNALS_PER_PAIR} signals
   */
  static List<Signal> signalsGroupedByAccount(int accounts) {
    List<Signal> made = pairByPair(new Random(SEED), accounts);
    List<Signal> signals = new ArrayList<>(made.size());
    for (int i = 0; i < made.size(); i++) {
      signals.add(readAgain(made.get(i)));
      made.set(i, null);
    }
    return signals;
  }

  private static List<Signal> pairByPair(Random random, int accounts) {
    List<Signal> signals = new ArrayList<>(accounts * CLOUDS.size() * SIGNALS_PER_PAIR);
    for (int a = 0; a < accounts; a++) {
      AccountId account = AccountId.of("acct-" + a);
      for (CloudId cloud : CLOUDS) {
        addPair(random, account, cloud, signals);
      }
    }
    return signals;
  }

  /** Returns an equal signal made of new objects but for its cloud, as a parser would make it. */
  private static Signal readAgain(Signal signal) {
    AccountId account = AccountId.of(fresh(signal.account().value()));
    CloudId cloud = signal.cloud();
    if (signal instanceof SupportCase c) {
      return new SupportCase(fresh(c.caseId()), account, cloud, copy(c.openedAt()),
          copy(c.closedAt()), c.firstContactResolution());
    } else if (signal instanceof WorkOrder w) {
      return new WorkOrder(fresh(w.workOrderId()), account, cloud, copy(w.createdAt()),
          copy(w.completedAt()), w.firstTimeFix());
    } else if (signal instanceof UsageSample u) {
      return new UsageSample(
          account, cloud, copy(u.date()), u.activeUsers(), u.licensedUsers());
    } else if (signal instanceof SentimentSample s) {
      return new SentimentSample(account, cloud, copy(s.observedAt()), s.score());
    } else if (signal instanceof Complaint k) {
      return new Complaint(fresh(k.complaintId()), account, cloud, copy(k.raisedAt()));
    } else if (signal instanceof Contract k) {
      return new Contract(account, cloud, k.arr(), copy(k.renewalDate()));
    }
    throw new IllegalArgumentException("signal: a type the portfolio makes expected, was "
        + signal.getClass().getName());
  }

  /**
   * Returns a string equal to {@code value} with characters of its own, as a parser makes one from
   * the bytes it read: {@code new String(String)} would share the original's characters.
   */
  private static String fresh(String value) {
    return new String(value.toCharArray());
  }

  private static Instant copy(Instant instant) {
    return instant == null ? null : Instant.ofEpochSecond(instant.getEpochSecond(),
        instant.getNano());
  }

  private static void addPair(Random random, AccountId account, CloudId cloud, List<Signal> out) {
    String prefix = account.value() + "-" + cloud.value() + "-";
    for (int i = 0; i < 3; i++) {
      Instant opened = daysBefore(random, 200);
      Instant closed = random.nextInt(10) < 7 ? later(random, opened, 20) : null;
      out.add(new SupportCase(
          prefix + "case-" + i, account, cloud, opened, closed, maybe(random, 6, 7)));
    }
    for (int i = 0; i < 3; i++) {
      Instant created = daysBefore(random, 360);
      Instant completed = random.nextInt(10) < 8 ? later(random, created, 10) : null;
      out.add(new WorkOrder(
          prefix + "wo-" + i, account, cloud, created, completed, maybe(random, 7, 8)));
    }
    for (int i = 0; i < 2; i++) {
      long licensed = 10 + random.nextInt(490);
      out.add(new UsageSample(
          account, cloud, daysBefore(random, 120), random.nextInt((int) licensed + 1), licensed));
    }
    out.add(new SentimentSample(
        account, cloud, daysBefore(random, 150), random.nextInt(2001) / 1000.0 - 1));
    if (random.nextInt(100) < 15) {
      // Few distinct ids per account, so that some complaints are reported twice.
      out.add(new Complaint(
          account.value() + "-complaint-" + random.nextInt(3), account, cloud,
          daysBefore(random, 120)));
    } else {
      out.add(new Contract(account, cloud, 1_000 + random.nextInt(99_000), null));
    }
  }

  /** Returns an instant up to {@code days} days before T, or up to 5 days after it. */
  private static Instant daysBefore(Random random, int days) {
    return AS_OF.minusSeconds(random.nextLong(-5 * DAY, days * DAY));
  }

  private static Instant later(Random random, Instant start, int days) {
    return start.plusSeconds(random.nextLong(days * DAY));
  }

  /** Returns null, or a flag: known {@code knownInTen} in 10, true {@code trueInTen} in 10. */
  private static Boolean maybe(Random random, int knownInTen, int trueInTen) {
    if (random.nextInt(10) >= knownInTen) {
      return null;
    }
    return random.nextInt(10) < trueInTen;
  }
}
