package dev.chs.spark.internal;

import dev.chs.api.signal.Signal;
import dev.chs.core.aggregate.FailurePolicy;
import dev.chs.core.model.HealthModel;
import dev.chs.spark.ChsModel;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.jspecify.annotations.Nullable;

/**
 * The typed Spark aggregator of one account's signals: rows of {@link SignalRows#INPUT} in, the
 * account's KPI values out, in the schema {@link KpiRows#account}. Its buffer is an {@link
 * AccountBuffer}, which Spark keeps as an object while it adds rows and serializes, in the
 * buffer's documented form, only to ship partial results between partitions.
 *
 * <p>The aggregator itself carries the broadcast model, the as-of instant, the supplied signal
 * kinds and the failure policy; its {@link KpiPlan} is rebuilt once per deserialized copy.
 */
public final class KpiAggregator extends Aggregator<Row, AccountBuffer, Row> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<ChsModel> model;
  private final Instant asOf;
  private final List<String> kinds;
  private final FailurePolicy policy;
  private transient @Nullable KpiPlan plan;

  /**
   * Creates the aggregator.
   *
   * @param model the broadcast model
   * @param asOf the instant T
   * @param kinds the kinds of signal whose sources were supplied
   * @param policy what a failing accumulator does
   * @throws IllegalArgumentException if a kind is not one of {@link SignalRows#TYPES}
   */
  public KpiAggregator(
      Broadcast<ChsModel> model, Instant asOf, Set<String> kinds, FailurePolicy policy) {
    SignalRows.requireKinds(kinds);
    this.model = model;
    this.asOf = asOf;
    this.kinds = List.copyOf(kinds);
    this.policy = policy;
  }

  private KpiPlan plan() {
    KpiPlan local = plan;
    if (local == null) {
      Set<Class<? extends Signal>> types = new HashSet<>();
      for (String kind : kinds) {
        types.add(SignalRows.TYPES.get(kind));
      }
      local = new KpiPlan(model.value().model(), asOf, types, policy);
      plan = local;
    }
    return local;
  }

  @Override
  public AccountBuffer zero() {
    return plan().newBuffer();
  }

  @Override
  public AccountBuffer reduce(AccountBuffer buffer, Row row) {
    return plan().add(buffer, row);
  }

  @Override
  public AccountBuffer merge(AccountBuffer mine, AccountBuffer theirs) {
    return plan().merge(mine, theirs);
  }

  @Override
  public Row finish(AccountBuffer buffer) {
    return KpiRows.toRow(plan().values(buffer));
  }

  @Override
  public Encoder<AccountBuffer> bufferEncoder() {
    return Encoders.javaSerialization(AccountBuffer.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    HealthModel local = model.value().model();
    return Encoders.row(KpiRows.account(local));
  }
}
