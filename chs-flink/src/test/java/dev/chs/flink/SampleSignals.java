package dev.chs.flink;

import dev.chs.api.AccountId;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.WorkOrder;
import dev.chs.cli.data.DataSetReader;
import dev.chs.cli.data.DataSetSource;
import dev.chs.cli.generate.PortfolioGenerator;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.Scorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bundled sample portfolio as final records, as a change log, and scored in batch. */
final class SampleSignals {
  static final HealthModel MODEL = ModelFile.defaultModel(KpiRegistry.discover());

  private SampleSignals() {}

  /** Reads the final records of the sample's first {@code accounts} accounts. */
  static List<Signal> finalRecords(int accounts) {
    String last = String.format("A-%04d", accounts);
    List<Signal> signals = new ArrayList<>();
    try {
      DataSetReader.strict().read(
          DataSetSource.resources(PortfolioGenerator.class, "/dev/chs/cli/sample"),
          signal -> {
            if (signal.account().value().compareTo(last) <= 0) {
              signals.add(signal);
            }
          },
          (account, name) -> {},
          reject -> {
            throw new AssertionError("the sample has a bad row: " + reject);
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return signals;
  }

  /**
   * Turns final records into what a source system streams: a case that closed arrives once when
   * it opens, with no closing or first-contact resolution yet, and again when it closes; a work
   * order likewise. The records come in order of event time, contracts and metrics first.
   */
  static List<Signal> changeLog(List<Signal> finalRecords) {
    List<Signal> log = new ArrayList<>();
    for (Signal signal : finalRecords) {
      if (signal instanceof SupportCase c && c.closedAt() != null) {
        log.add(new SupportCase(c.caseId(), c.account(), c.cloud(), c.openedAt(), null, null));
      } else if (signal instanceof WorkOrder w && w.completedAt() != null) {
        log.add(new WorkOrder(
            w.workOrderId(), w.account(), w.cloud(), w.createdAt(), null, null));
      }
      log.add(signal);
    }
    log.sort(Comparator.comparingLong(SignalTimes::eventTime)); // stable: opening first
    return log;
  }

  /**
   * Scores in batch, with every final record that had first appeared by T: a case once it
   * opened, a work order once it was created, any other signal at its event time.
   */
  static Map<AccountId, AccountHealth> batch(
      HealthModel model, List<Class<? extends Signal>> sources, List<Signal> records,
      Instant asOf) {
    SignalAggregator aggregator = SignalAggregator.of(model, asOf);
    sources.forEach(aggregator::declareSource);
    for (Signal signal : records) {
      if (firstAppearance(signal) <= asOf.toEpochMilli()) {
        aggregator.add(signal);
      }
    }
    Map<AccountId, AccountHealth> health = new LinkedHashMap<>();
    for (AccountHealth account : Scorer.of(model).scoreAll(aggregator.results(), asOf)) {
      health.put(account.account(), account);
    }
    return health;
  }

  private static long firstAppearance(Signal signal) {
    if (signal instanceof SupportCase c) {
      return c.openedAt().toEpochMilli();
    }
    if (signal instanceof WorkOrder w) {
      return w.createdAt().toEpochMilli();
    }
    return SignalTimes.eventTime(signal);
  }
}
