package dev.chs.kpis;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The window, instants and signal generators that the built-in KPIs' tests share. */
final class Fixtures {
  /** The as-of instant T of every test window. */
  static final Instant T = Instant.parse("2026-06-30T00:00:00Z");

  /** The window (2026-04-01, 2026-06-30]: 90 days ending at T. */
  static final Window WINDOW = new Window(T, Duration.ofDays(90));

  /** T - W, the exclusive start of the window. */
  static final Instant START = Instant.parse("2026-04-01T00:00:00Z");

  static final AccountId ACCOUNT = AccountId.of("acme");
  static final CloudId CLOUD = CloudId.of("service");

  private Fixtures() {}

  /**
   * The exact mean of the doubles {@code terms}, rounded to a double: computed in 60 decimal
   * digits, then rounded, which is the correctly rounded mean unless the exact one lies within
   * 10^-60 of a halfway point, which a mean of a few short decimals does not.
   */
  static double exactMean(double... terms) {
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    for (double term : terms) {
      sum = sum.add(new java.math.BigDecimal(term));
    }
    return sum.divide(java.math.BigDecimal.valueOf(terms.length), new java.math.MathContext(60))
        .doubleValue();
  }

  /** A KPI's store over {@link #WINDOW}, with room for pairs 0 to {@code pairs - 1}. */
  static <A extends KpiAccumulator<A>> KpiStates<A> states(Kpi<A> kpi, int pairs) {
    KpiStates<A> states = kpi.newStates(WINDOW).orElseThrow();
    states.ensureCapacity(pairs);
    return states;
  }

  /**
   * The fewest bytes that the current thread allocated in one of three runs of {@code work}, by
   * the HotSpot counter. Work that allocates on every call shows in each run; a one-off, such as
   * the JIT replacing compiled code while a run is timed, shows in one. The reading itself may
   * cost a few dozen bytes.
   */
  static long bytesAllocatedBy(Runnable work) throws ReflectiveOperationException {
    // chs-kpis reads no java.management, so the counter is reached by reflection.
    Object threads = Class.forName("java.lang.management.ManagementFactory")
        .getMethod("getThreadMXBean").invoke(null);
    java.lang.reflect.Method allocatedBytes = Class.forName("com.sun.management.ThreadMXBean")
        .getMethod("getCurrentThreadAllocatedBytes");
    long fewest = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long before = (long) allocatedBytes.invoke(threads);
      work.run();
      fewest = Math.min(fewest, (long) allocatedBytes.invoke(threads) - before);
    }
    return fewest;
  }

  static Instant day(String isoDate) {
    return Instant.parse(isoDate + "T00:00:00Z");
  }

  static SupportCase supportCase(String id, Instant openedAt, Instant closedAt, Boolean fcr) {
    return new SupportCase(id, ACCOUNT, CLOUD, openedAt, closedAt, fcr);
  }

  static WorkOrder workOrder(String id, Instant createdAt, Instant completedAt, Boolean fixed) {
    return new WorkOrder(id, ACCOUNT, CLOUD, createdAt, completedAt, fixed);
  }

  static Complaint complaint(String id, Instant raisedAt) {
    return new Complaint(id, ACCOUNT, CLOUD, raisedAt);
  }

  static UsageSample usage(Instant date, long active, long licensed) {
    return new UsageSample(ACCOUNT, CLOUD, date, active, licensed);
  }

  static SentimentSample sentiment(Instant observedAt, double score) {
    return new SentimentSample(ACCOUNT, CLOUD, observedAt, score);
  }

  static Arbitrary<String> ids() {
    return Arbitraries.oneOf(
        Arbitraries.of("a", "b", "c", "d"),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(6).filter(s -> !s.isBlank()));
  }

  static Arbitrary<Boolean> knownOrNot() {
    return Arbitraries.of(true, false).injectNull(0.3);
  }

  /** Cases whose two instants both come from {@code instants}, in order, or that are open. */
  static Arbitrary<Signal> cases(Arbitrary<Instant> instants) {
    return Combinators.combine(ids(), instants, instants.injectNull(0.3), knownOrNot())
        .as((id, a, b, fcr) -> b == null
            ? supportCase(id, a, null, fcr)
            : supportCase(id, min(a, b), max(a, b), fcr));
  }

  /** Work orders whose two instants both come from {@code instants}, in order, or open. */
  static Arbitrary<Signal> workOrders(Arbitrary<Instant> instants) {
    return Combinators.combine(ids(), instants, instants.injectNull(0.3), knownOrNot())
        .as((id, a, b, fixed) -> b == null
            ? workOrder(id, a, null, fixed)
            : workOrder(id, min(a, b), max(a, b), fixed));
  }

  static Arbitrary<Signal> complaints(Arbitrary<Instant> instants) {
    return Combinators.combine(ids(), instants).as(Fixtures::complaint);
  }

  static Arbitrary<Signal> usageSamples(Arbitrary<Instant> instants) {
    Arbitrary<Long> licensed = Arbitraries.longs().between(1, 500);
    Arbitrary<Long> active = Arbitraries.longs().between(0, 700);
    return Combinators.combine(instants, active, licensed).as(Fixtures::usage);
  }

  static Arbitrary<Signal> sentimentSamples(Arbitrary<Instant> instants) {
    Arbitrary<Double> scores =
        Arbitraries.oneOf(
            Arbitraries.of(-1.0, -0.3, 0.0, 0.1, 1.0), Arbitraries.doubles().between(-1, 1));
    return Combinators.combine(instants, scores).as(Fixtures::sentiment);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isBefore(b) ? b : a;
  }
}
