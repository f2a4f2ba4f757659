package dev.chs.flink;

import dev.chs.api.signal.Signal;
import dev.chs.core.portfolio.Intervention;
import dev.chs.core.score.AccountHealth;
import java.util.Objects;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The three streams that {@link HealthScoring#apply} returns.
 *
 * @param scores the health of each account at each emission instant, in increasing order of
 *     as-of per account
 * @param interventions the interventions, each raised once per crossing below the threshold
 * @param lateSignals the signals that arrived later than the allowed lateness and so counted in no
 *     score; they are also counted in the operator's {@value HealthScoring#LATE_SIGNALS_METRIC}
 *     metric
 * @since 0.1.0
 */
public record HealthStreams(
    DataStream<AccountHealth> scores,
    DataStream<Intervention> interventions,
    DataStream<Signal> lateSignals) {
  /**
   * Creates the streams.
   *
   * @throws NullPointerException if an argument is null
   * @since 0.1.0
   */
  public HealthStreams {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(interventions, "interventions");
    Objects.requireNonNull(lateSignals, "lateSignals");
  }
}
