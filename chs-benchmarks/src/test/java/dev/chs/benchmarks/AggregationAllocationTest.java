package dev.chs.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.kpis.BuiltInKpis;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks that ingestion allocates nothing per signal once a pair exists: what the ingestion
 * benchmark allocates is the state of new pairs. It lives here, beside the benchmark, because the
 * tests of the {@code dev.chs.core} module cannot read the built-in KPIs' module.
 */
class AggregationAllocationTest {
  private static final Instant AS_OF = Instant.parse("2026-06-30T00:00:00Z");

  private Object threads;
  private Method currentThreadAllocatedBytes;

  @BeforeEach
  void findTheAllocationCounter() throws ReflectiveOperationException {
    // chs-core does not read java.management, so the HotSpot counter is reached by reflection.
    threads = Class.forName("java.lang.management.ManagementFactory")
        .getMethod("getThreadMXBean").invoke(null);
    currentThreadAllocatedBytes = Class.forName("com.sun.management.ThreadMXBean")
        .getMethod("getCurrentThreadAllocatedBytes");
    allocatedBytes();
  }

  @Test
  void addingSignalsOfKnownPairsAllocatesNothing() throws ReflectiveOperationException {
    SignalAggregator aggregator = SignalAggregator.of(builtInModel(), AS_OF);
    List<Signal> signals = signalsOf(AccountId.of("acme"), CloudId.of("sales"));
    for (int i = 0; i < 20_000; i++) {
      aggregator.add(signals.get(i % signals.size()));
    }

    long before = allocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      aggregator.add(signals.get(i % signals.size()));
    }
    long allocated = allocatedBytes() - before;

    // Distinct complaint ids would be kept; this one is already in the set.
    assertThat(allocated).isLessThan(1_000);
    assertThat(aggregator.pairs()).isEqualTo(1);
  }

  @Test
  void addingAListOfSignalsOfKnownPairsAllocatesOnlyItsLookaheadOnce()
      throws ReflectiveOperationException {
    SignalAggregator aggregator = SignalAggregator.of(builtInModel(), AS_OF);
    List<Signal> signals = new ArrayList<>();
    for (int a = 0; a < 50; a++) {
      // Each signal gets its own AccountId, as a reader of CSV rows makes them.
      for (int i = 0; i < 2_000; i++) {
        signals.addAll(signalsOf(AccountId.of("acct-" + a), CloudId.of("sales")));
      }
    }
    Collections.shuffle(signals, new Random(7));
    aggregator.addAll(signals);

    long before = allocatedBytes();
    aggregator.addAll(signals);
    long allocated = allocatedBytes() - before;

    // 700,000 signals; the lookahead's seven arrays of 32 entries take about 1,100 bytes, once
    // per call, and a byte per 1,000 signals would add 700.
    assertThat(signals).hasSize(700_000);
    assertThat(allocated).isLessThan(1_500);
    assertThat(aggregator.pairs()).isEqualTo(50);
  }

  private static HealthModel builtInModel() {
    HealthModel.Builder builder = HealthModel.builder();
    BuiltInKpis.all().forEach(kpi -> builder.kpi(kpi, 1));
    return builder.build();
  }

  private long allocatedBytes() throws ReflectiveOperationException {
    // The reflective call boxes its long, which is at most a few bytes of the allowance.
    return (long) currentThreadAllocatedBytes.invoke(threads);
  }

  private static List<Signal> signalsOf(AccountId account, CloudId cloud) {
    Instant day = AS_OF.minus(Duration.ofDays(10));
    return List.of(
        new SupportCase("c1", account, cloud, day, day.plusSeconds(3600), true),
        new SupportCase("c2", account, cloud, day.minus(Duration.ofDays(120)), null, null),
        new WorkOrder("w1", account, cloud, day, day.plusSeconds(60), false),
        new WorkOrder("w2", account, cloud, day.minus(Duration.ofDays(200)), null, null),
        new UsageSample(account, cloud, day, 40, 100),
        new SentimentSample(account, cloud, day, 0.25),
        new Complaint("k1", account, cloud, day));
  }
}
