package dev.chs.learn;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.Signal;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.model.WeightedKpi;
import dev.chs.core.plugin.KpiRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What renewal prediction learns from: one row per past renewal, with the renewal's outcome and
 * the value of each candidate KPI for its account and cloud, as it was known before the renewal.
 *
 * <p>A value is NaN when the KPI was not applicable. Each column is a KPI id. A column may come
 * with a known {@link Direction} (from the KPI that computed it, or declared by a model); a column
 * without one has its direction learned by the fitter, from the training rows only.
 *
 * <p>Two kinds of data set give rows:
 *
 * <ul>
 *   <li><em>Event data</em> (signals and {@code renewals.csv}): {@link #pointInTime} computes each
 *       KPI as of the renewal date minus a lead time, so nothing later is seen.
 *   <li><em>Snapshot data</em> ({@code metrics.csv} and {@code renewals.csv}): {@link
 *       #fromMetrics} takes each numeric column as a candidate KPI, joined to each renewal by
 *       account and cloud.
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
public final class RenewalData {
  /** The default lead time: features are computed 90 days before each renewal. */
  public static final Duration DEFAULT_LEAD = Duration.ofDays(90);

  private final String name;
  private final List<String> columns;
  private final Map<String, Direction> directions;
  private final Map<String, Kpi<?>> kpis;
  private final List<Renewal> rows;
  private final double[][] values;
  private final @Nullable HealthModel sourceModel;

  private RenewalData(
      String name,
      List<String> columns,
      Map<String, Direction> directions,
      Map<String, Kpi<?>> kpis,
      List<Renewal> rows,
      double[][] values,
      @Nullable HealthModel sourceModel) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.directions = Map.copyOf(directions);
    this.kpis = Map.copyOf(kpis);
    this.rows = List.copyOf(rows);
    this.values = values;
    this.sourceModel = sourceModel;
  }

  /**
   * One past renewal.
   *
   * @param account the account that came up for renewal
   * @param cloud the cloud renewed or lost, or {@link CloudId#ACCOUNT_WIDE}
   * @param renewalDate when the renewal fell due
   * @param renewed true if the account renewed, false if it churned
   * @since 0.1.0
   */
  public record Renewal(AccountId account, CloudId cloud, Instant renewalDate, boolean renewed) {
    /**
     * Creates a renewal row.
     *
     * @throws NullPointerException if an argument is null
     */
    public Renewal {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(cloud, "cloud");
      Objects.requireNonNull(renewalDate, "renewalDate");
    }

    static Renewal of(RenewalOutcome outcome) {
      return new Renewal(outcome.account(), outcome.cloud(), outcome.renewalDate(),
          outcome.outcome() == RenewalOutcome.Outcome.RENEWED);
    }
  }

  /**
   * Returns renewal data from values already computed.
   *
   * @param name the data set's name, for reports
   * @param columns the KPI ids of the columns, unique
   * @param directions the known directions of some columns; the others are learned
   * @param rows the renewals
   * @param values one array per row, one entry per column, NaN when not applicable
   * @return the data
   * @throws IllegalArgumentException if the ids repeat, a direction names no column, the sizes
   *     disagree, or a value is infinite
   * @throws NullPointerException if an argument is null
   */
  public static RenewalData of(
      String name,
      List<String> columns,
      Map<String, Direction> directions,
      List<Renewal> rows,
      double[][] values) {
    return checked(name, columns, directions, Map.of(), rows, values, null);
  }

  /**
   * Returns snapshot renewal data: the candidate KPIs are the metrics, and each renewal takes the
   * metrics of its account and cloud, or the account-wide ones when its cloud has none.
   *
   * @param name the data set's name, for reports
   * @param metrics the cells of {@code metrics.csv}, each (account, cloud, name) at most once
   * @param renewals the outcomes to learn from
   * @param model the model whose KPIs select and orient the columns, or null to take every metric
   *     name as a column, in order of first appearance, with its direction to be learned
   * @return the data
   * @throws IllegalArgumentException if a cell is given twice with different values, or the model
   *     names a KPI that no metric has
   * @throws NullPointerException if {@code name}, {@code metrics} or {@code renewals} is null
   */
  public static RenewalData fromMetrics(
      String name,
      Iterable<Metric> metrics,
      Collection<RenewalOutcome> renewals,
      @Nullable HealthModel model) {
    Map<String, Map<String, Double>> cells = new HashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Metric metric : metrics) {
      seen.add(metric.name());
      String key = metric.account().value() + "\u0000" + metric.cloud().value();
      Double before = cells.computeIfAbsent(key, k -> new HashMap<>())
          .put(metric.name(), metric.value());
      if (before != null && before != metric.value()) {
        throw new IllegalArgumentException(
            "metric '" + metric.name() + "' of account " + metric.account() + ", cloud '"
                + metric.cloud() + "': must be given once, was " + before + " and "
                + metric.value());
      }
    }

    List<String> columns = new ArrayList<>();
    Map<String, Direction> directions = new HashMap<>();
    Map<String, Kpi<?>> kpis = new HashMap<>();
    if (model == null) {
      columns.addAll(seen);
    } else {
      List<String> missing = new ArrayList<>();
      for (WeightedKpi kpi : model.kpis()) {
        columns.add(kpi.id());
        directions.put(kpi.id(), kpi.kpi().direction());
        kpis.put(kpi.id(), kpi.kpi());
        if (!seen.contains(kpi.id())) {
          missing.add(kpi.id());
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "model: KPIs " + missing + " have no column in the metrics, whose columns are "
                + seen);
      }
    }

    List<Renewal> rows = new ArrayList<>();
    double[][] values = new double[renewals.size()][];
    for (RenewalOutcome outcome : renewals) {
      Renewal row = Renewal.of(outcome);
      Map<String, Double> own = cells.getOrDefault(
          row.account().value() + "\u0000" + row.cloud().value(), Map.of());
      Map<String, Double> wide = cells.getOrDefault(row.account().value() + "\u0000", Map.of());
      double[] x = new double[columns.size()];
      for (int c = 0; c < x.length; c++) {
        Double v = own.getOrDefault(columns.get(c), wide.get(columns.get(c)));
        x[c] = v == null ? Double.NaN : v;
      }
      values[rows.size()] = x;
      rows.add(row);
    }
    return checked(name, columns, directions, kpis, rows, values, null);
  }

  /**
   * Returns event renewal data: for each renewal, the model's KPIs computed over the model's
   * window ending at {@code renewal date - lead}, through a {@link SignalAggregator}. Signals
   * dated after that instant are never seen, and neither is which clouds they name: the
   * renewal's own cloud is always computed, from its signals and the account-wide ones. An
   * account-wide renewal reads the account-wide signals only. Renewals are grouped by that
   * instant, and each group aggregates only the signals of its own accounts; every signal type of
   * the whole data set is declared as a supplied source, so a count KPI is a real zero for an
   * account without such a signal.
   *
   * <p>Three kinds of signal are left out, because they carry no instant and would leak the
   * present into the past: {@link Metric}s, {@link Contract}s (whose absence marks a churned
   * cloud) and {@link RenewalOutcome}s. Each column is the value the KPI's curve reads ({@link
   * KpiValue.Measured#curveInput()}), and takes the KPI's direction; a KPI whose direction is
   * {@link Direction#STABLE_IS_BETTER} is fitted without a monotone constraint.
   *
   * @param name the data set's name, for reports
   * @param model the model whose KPIs and window to compute; also the "default" peer of a
   *     back-test
   * @param signals the signals, in any order; iterated once
   * @param renewals the outcomes to learn from
   * @param lead how long before each renewal the KPIs are computed; zero or more
   * @return the data, with one row per renewal in the order given
   * @throws IllegalArgumentException if {@code lead} is negative
   * @throws NullPointerException if an argument is null
   */
  public static RenewalData pointInTime(
      String name,
      HealthModel model,
      Iterable<? extends Signal> signals,
      Collection<RenewalOutcome> renewals,
      Duration lead) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(signals, "signals");
    if (Objects.requireNonNull(lead, "lead").isNegative()) {
      throw new IllegalArgumentException("lead: must be zero or more, was " + lead);
    }
    List<String> columns = new ArrayList<>();
    Map<String, Direction> directions = new HashMap<>();
    Map<String, Kpi<?>> kpis = new HashMap<>();
    for (WeightedKpi kpi : model.kpis()) {
      columns.add(kpi.id());
      directions.put(kpi.id(), kpi.kpi().direction());
      kpis.put(kpi.id(), kpi.kpi());
    }

    List<Renewal> rows = new ArrayList<>();
    Map<Instant, List<Integer>> byAsOf = new TreeMap<>();
    for (RenewalOutcome outcome : renewals) {
      Renewal row = Renewal.of(outcome);
      byAsOf.computeIfAbsent(row.renewalDate().minus(lead), k -> new ArrayList<>())
          .add(rows.size());
      rows.add(row);
    }
    // Index the signals by account once; each as-of instant aggregates only its own accounts.
    Map<AccountId, List<Signal>> byAccount = new HashMap<>();
    Map<Class<? extends Signal>, Boolean> sources = new LinkedHashMap<>();
    for (Signal signal : signals) {
      if (!(signal instanceof Metric || signal instanceof Contract
          || signal instanceof RenewalOutcome)) {
        byAccount.computeIfAbsent(signal.account(), a -> new ArrayList<>()).add(signal);
        sources.put(signal.getClass(), true);
      }
    }
    double[][] values = new double[rows.size()][];
    for (Map.Entry<Instant, List<Integer>> group : byAsOf.entrySet()) {
      List<Renewal> named = new ArrayList<>();
      List<Renewal> wide = new ArrayList<>();
      for (int r : group.getValue()) {
        (rows.get(r).cloud().isAccountWide() ? wide : named).add(rows.get(r));
      }
      Map<String, CloudValues> computed = new HashMap<>();
      if (!named.isEmpty()) {
        computed.putAll(valuesAsOf(model, byAccount, sources, named, false, group.getKey()));
      }
      if (!wide.isEmpty()) {
        computed.putAll(valuesAsOf(model, byAccount, sources, wide, true, group.getKey()));
      }
      for (int r : group.getValue()) {
        values[r] = features(columns, rows.get(r), computed);
      }
    }
    return checked(name, columns, directions, kpis, rows, values, model);
  }

  /**
   * Reads a data-set folder: event data when it holds any of {@code cases.csv}, {@code
   * work_orders.csv}, {@code complaints.csv}, {@code usage.csv} or {@code sentiment.csv}, else
   * snapshot data from {@code metrics.csv}. {@code renewals.csv} is required. The files are read
   * strictly, as {@link SignalFiles} describes: the first bad row is an error.
   *
   * @param dir the folder
   * @param registry the KPIs, used for the default model when {@code model} is null and the data
   *     are events
   * @param model the model, or null: for event data the default model of {@link
   *     ModelFile#defaultModel}, for snapshot data every numeric column
   * @param lead the lead time of event data; see {@link #pointInTime}
   * @return the data, named after the folder
   * @throws IOException if a file cannot be read, or holds a bad row (the message names the file,
   *     the line and the reason)
   * @throws NullPointerException if {@code dir}, {@code registry} or {@code lead} is null
   */
  public static RenewalData read(
      Path dir, KpiRegistry registry, @Nullable HealthModel model, Duration lead)
      throws IOException {
    Objects.requireNonNull(registry, "registry");
    String name = Optional.ofNullable(dir.toAbsolutePath().normalize().getFileName())
        .map(Path::toString).orElse(dir.toString());
    SignalFiles files = SignalFiles.read(dir);
    if (files.hasEvents()) {
      HealthModel events = model != null ? model : ModelFile.defaultModel(registry);
      return pointInTime(name, events, files.signals(), files.renewals(), lead);
    }
    if (!Files.exists(dir.resolve("metrics.csv"))) {
      throw new IOException(dir + ": must hold signal files or metrics.csv, found neither");
    }
    return fromMetrics(name, SignalFiles.readMetrics(dir.resolve("metrics.csv")),
        files.renewals(), model);
  }

  /**
   * Aggregates the signals of the renewals' accounts as of one instant. Which clouds an account
   * has must not depend on signals after that instant, so a renewal's own cloud is named by a
   * contract of zero ARR, and an account-wide renewal reads only the account-wide signals (its
   * account then names no cloud, and keeps its values under the empty cloud).
   */
  private static Map<String, CloudValues> valuesAsOf(
      HealthModel model,
      Map<AccountId, List<Signal>> byAccount,
      Map<Class<? extends Signal>, Boolean> sources,
      List<Renewal> renewals,
      boolean accountWide,
      Instant asOf) {
    SignalAggregator aggregator = SignalAggregator.of(model, asOf);
    // Every source of the whole data set was supplied, even where these accounts have no signal.
    sources.keySet().forEach(aggregator::declareSource);
    Set<AccountId> accounts = new LinkedHashSet<>();
    for (Renewal renewal : renewals) {
      accounts.add(renewal.account());
      if (!accountWide) {
        aggregator.add(new Contract(renewal.account(), renewal.cloud(), 0, null));
      }
    }
    for (AccountId account : accounts) {
      for (Signal signal : byAccount.getOrDefault(account, List.of())) {
        if (!accountWide || signal.cloud().isAccountWide()) {
          aggregator.add(signal);
        }
      }
    }
    Map<String, CloudValues> byKey = new HashMap<>();
    for (AccountValues account : aggregator.results()) {
      for (CloudValues cloud : account.clouds()) {
        byKey.put(account.account().value() + "\u0000" + cloud.cloud().value(), cloud);
      }
    }
    return byKey;
  }

  private static double[] features(
      List<String> columns, Renewal row, Map<String, CloudValues> computed) {
    CloudValues cloud = computed.get(row.account().value() + "\u0000" + row.cloud().value());
    if (cloud == null) {
      // An account with no cloud of its own keeps its account-wide values under the empty cloud.
      cloud = computed.get(row.account().value() + "\u0000");
    }
    double[] x = new double[columns.size()];
    Arrays.fill(x, Double.NaN);
    if (cloud != null) {
      for (KpiValue value : cloud.values()) {
        if (value instanceof KpiValue.Measured measured) {
          x[columns.indexOf(value.kpiId())] = measured.curveInput();
        }
      }
    }
    return x;
  }

  private static RenewalData checked(
      String name,
      List<String> columns,
      Map<String, Direction> directions,
      Map<String, Kpi<?>> kpis,
      List<Renewal> rows,
      double[][] values,
      @Nullable HealthModel sourceModel) {
    Objects.requireNonNull(name, "name");
    if (new LinkedHashSet<>(columns).size() != columns.size()) {
      throw new IllegalArgumentException("columns: must be unique, were " + columns);
    }
    for (String column : directions.keySet()) {
      if (!columns.contains(column)) {
        throw new IllegalArgumentException(
            "directions: column '" + column + "' is not among the columns " + columns);
      }
    }
    if (values.length != rows.size()) {
      throw new IllegalArgumentException(
          "values: must have one array per row (" + rows.size() + "), had " + values.length);
    }
    double[][] copy = new double[values.length][];
    for (int r = 0; r < values.length; r++) {
      if (values[r].length != columns.size()) {
        throw new IllegalArgumentException("values[" + r + "]: must have " + columns.size()
            + " entries, one per column, had " + values[r].length);
      }
      for (int c = 0; c < values[r].length; c++) {
        if (Double.isInfinite(values[r][c])) {
          throw new IllegalArgumentException("values[" + r + "][" + c + "] (" + columns.get(c)
              + "): must be finite or NaN for not applicable, was " + values[r][c]);
        }
      }
      copy[r] = values[r].clone();
    }
    return new RenewalData(name, columns, directions, kpis, rows, copy, sourceModel);
  }

  /**
   * Returns the data set's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the columns' KPI ids, in order.
   *
   * @return the ids
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * Returns the known directions, by column; columns absent from the map have none.
   *
   * @return the known directions
   */
  public Map<String, Direction> directions() {
    return directions;
  }

  /**
   * Returns the KPI that computed a column, when the data came from a model.
   *
   * @param column the column's id
   * @return the KPI, or empty for a column that a fitted model will read as a {@link
   *     dev.chs.core.model.MetricKpi}
   */
  public Optional<Kpi<?>> kpi(String column) {
    return Optional.ofNullable(kpis.get(column));
  }

  /**
   * Returns the renewals, one per row.
   *
   * @return the rows
   */
  public List<Renewal> rows() {
    return rows;
  }

  /**
   * Returns the number of rows.
   *
   * @return the number of renewals
   */
  public int size() {
    return rows.size();
  }

  /**
   * Returns one value.
   *
   * @param row the row, from 0
   * @param column the column, from 0
   * @return the value, NaN when the KPI was not applicable
   * @throws IndexOutOfBoundsException if a position is out of range
   */
  public double value(int row, int column) {
    return values[row][column];
  }

  /**
   * Returns the model that computed the values of event data: the "default" peer of a
   * back-test.
   *
   * @return the model, or empty for snapshot data
   */
  public Optional<HealthModel> sourceModel() {
    return Optional.ofNullable(sourceModel);
  }

  /**
   * Returns how many rows churned.
   *
   * @return the count of rows that did not renew
   */
  public int churned() {
    int churned = 0;
    for (Renewal row : rows) {
      churned += row.renewed() ? 0 : 1;
    }
    return churned;
  }

  /**
   * Returns these data without some columns, for example a derived column whose worth is in
   * question.
   *
   * @param dropped the ids of the columns to leave out; ids that are not columns are ignored
   * @return the data with the other columns, in their order
   * @throws IllegalArgumentException if no column would be left
   */
  public RenewalData without(Collection<String> dropped) {
    List<Integer> kept = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (!dropped.contains(columns.get(c))) {
        kept.add(c);
      }
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException(
          "dropped: must leave at least one of the columns " + columns + ", was " + dropped);
    }
    List<String> keptColumns = new ArrayList<>();
    Map<String, Direction> keptDirections = new HashMap<>();
    Map<String, Kpi<?>> keptKpis = new HashMap<>();
    for (int c : kept) {
      String id = columns.get(c);
      keptColumns.add(id);
      if (directions.containsKey(id)) {
        keptDirections.put(id, directions.get(id));
      }
      if (kpis.containsKey(id)) {
        keptKpis.put(id, kpis.get(id));
      }
    }
    double[][] keptValues = new double[values.length][kept.size()];
    for (int r = 0; r < values.length; r++) {
      for (int k = 0; k < kept.size(); k++) {
        keptValues[r][k] = values[r][kept.get(k)];
      }
    }
    // A model that computed a dropped column no longer describes the data, so it is not kept.
    HealthModel model = kept.size() == columns.size() ? sourceModel : null;
    return new RenewalData(name, keptColumns, keptDirections, keptKpis, rows, keptValues, model);
  }

  /** Returns the rows at these positions, in this order. */
  RenewalData subset(int[] positions) {
    List<Renewal> subRows = new ArrayList<>(positions.length);
    double[][] subValues = new double[positions.length][];
    for (int i = 0; i < positions.length; i++) {
      subRows.add(rows.get(positions[i]));
      subValues[i] = values[positions[i]];
    }
    return new RenewalData(name, columns, directions, kpis, subRows, subValues, sourceModel);
  }

  /** Returns the value arrays, not copied; callers must not change them. */
  double[][] matrix() {
    return values;
  }

  /** Returns the outcomes as 1 for renewed and 0 for churned. */
  double[] renewedLabels() {
    double[] y = new double[rows.size()];
    for (int r = 0; r < y.length; r++) {
      y[r] = rows.get(r).renewed() ? 1 : 0;
    }
    return y;
  }
}
