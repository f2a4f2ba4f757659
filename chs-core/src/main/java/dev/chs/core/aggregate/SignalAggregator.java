package dev.chs.core.aggregate;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.internal.Accumulators;
import dev.chs.api.internal.HandedOverList;
import dev.chs.api.internal.KpiResultCheck;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.Signal;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Routes signals to the accumulators of every KPI of a model, per account and cloud, and produces
 * the KPI values as of one instant.
 *
 * <p>Each signal goes to the KPIs whose {@link Kpi#reads()} include its type. A signal whose cloud
 * is {@link CloudId#ACCOUNT_WIDE} counts in every cloud of its account: it is held once per account
 * and merged into each cloud's accumulators when the values are produced, which merging makes
 * exact. An account's clouds are those named by its contracts and its other signals; renewal
 * outcomes name none, since they are labels to learn from. An account that names no cloud at all
 * is given the single cloud {@link CloudId#ACCOUNT_WIDE}. A signal that came into being after T
 * ({@link Signal#occurredAt()}) is ignored whole, so that the clouds and values as of T are those
 * that the signals known at T give: no look-ahead.
 *
 * <p>A {@link Metric} whose name is the id of a model KPI that does not read metrics is that KPI's
 * value, aggregated upstream: it replaces what the KPI computed from signals for that account and
 * cloud, and an account-wide metric applies to every cloud without its own. Two different values
 * of one metric for one account and cloud are an error, since neither order may win. Contracts
 * give each cloud its ARR; several contracts of one cloud add up.
 *
 * <p>Memory grows with the number of (account, cloud) pairs, not with the number of signals. An
 * aggregator is not thread-safe: give each thread its own and combine them with {@link #merge}.
 *
 * <p>Adding a signal to a pair that exists allocates nothing of the aggregator's own; only an
 * accumulator does, when it is first reached or keeps something new, such as a complaint id. Each
 * cloud has one open-addressing table from account to a dense pair number, and a pair's
 * accumulators, ARR, failures and metrics sit in arrays at that number, so a signal costs one
 * table probe and the accumulators it reaches. A KPI that offers a store of many pairs' state
 * ({@link Kpi#newStates}) keeps every pair's state in that store, at the pair's number, and has no
 * accumulator per pair at all: a signal then reads and writes the store at a computed index, and
 * the pair's state leaves the store as an accumulator only where values are produced for a cloud
 * with account-wide signals. The values are the same either way. The per-pair arrays and the
 * stores grow by doubling; {@link #ensureCapacity} sizes them once instead, for a caller who knows
 * roughly how many pairs to expect.
 * {@link #addAll} of a {@link java.util.RandomAccess} list looks the pairs of a few signals up
 * before it adds them, so that their cache misses overlap; the result is that of {@link #add}
 * called on each signal in order.
 *
 * @since 0.1.0
 */
public final class SignalAggregator {
  /** How many signals {@link #addAll} looks up ahead of adding them. */
  private static final int BATCH = 32;

  private static final int INITIAL_CAPACITY = 8;

  private final HealthModel model;
  private final Window window;
  private final Instant asOf;
  private final FailurePolicy policy;
  private final Kpi<?>[] kpis;
  private final int width;

  // KPI i keeps every pair's state in stores[i] if it offered a store. Otherwise each pair has an
  // accumulator of it in slot slotOf[i] of the pair's slots, one for each KPI without a store.
  private final @Nullable KpiStates<?>[] stores;
  private final int[] slotOf;
  private final int slots;
  private final String[] ids;
  private final Map<String, Integer> metricTargets;
  private final Set<Class<? extends Signal>> supplied = new HashSet<>();
  private final Map<String, KpiFailure> failures = new LinkedHashMap<>();
  private long unread;
  private long afterAsOf;

  // The routes of the signal types seen, in the order first seen.
  private Class<?>[] routeTypes = new Class<?>[INITIAL_CAPACITY];
  private Route[] routes = new Route[INITIAL_CAPACITY];
  private int routeCount;

  // The clouds seen, by cloud number, each with its table from account to pair number.
  private CloudId[] clouds = new CloudId[INITIAL_CAPACITY];
  private AccountIndex[] pairsOfCloud = new AccountIndex[INITIAL_CAPACITY];
  private final Map<CloudId, Integer> cloudNumbers = new HashMap<>();
  private int cloudCount;

  // The accounts seen, by account number.
  private final AccountIndex accountNumbers = new AccountIndex();
  private AccountId[] accountIds = new AccountId[INITIAL_CAPACITY];

  // The pairs, by pair number: pair p's accumulator of KPI i, one without a store, is
  // accumulators[p * slots + slotOf[i]]. An accumulator is made when the first signal or merge
  // reaches it (an absent one is empty), and a pair's failures and metrics only when it has one,
  // since memory per pair bounds an aggregator. Every store has room for as many pairs as
  // accountOf.
  private int pairCount;
  private int[] accountOf = new int[INITIAL_CAPACITY];
  private int[] cloudOf = new int[INITIAL_CAPACITY];
  private double[] arr = new double[INITIAL_CAPACITY];
  private @Nullable KpiAccumulator<?>[] accumulators;
  private @Nullable RuntimeException @Nullable [] @Nullable [] failed;
  private double @Nullable [] @Nullable [] metrics;

  private SignalAggregator(HealthModel model, Instant asOf, FailurePolicy policy) {
    this.model = model;
    this.window = model.windowAt(asOf);
    this.asOf = window.asOf();
    this.policy = Objects.requireNonNull(policy, "policy");
    List<WeightedKpi> weighted = model.kpis();
    this.kpis = new Kpi<?>[weighted.size()];
    this.width = kpis.length;
    this.ids = new String[weighted.size()];
    Map<String, Integer> targets = new HashMap<>();
    for (int i = 0; i < kpis.length; i++) {
      kpis[i] = weighted.get(i).kpi();
      ids[i] = kpis[i].id();
      if (!kpis[i].reads().contains(Metric.class)) {
        targets.put(ids[i], i);
      }
    }
    this.metricTargets = Map.copyOf(targets);

    this.stores = new KpiStates<?>[width];
    this.slotOf = new int[width];
    int slotCount = 0;
    for (int i = 0; i < width; i++) {
      KpiStates<?> store = kpis[i].newStates(window).orElse(null);
      if (store != null) {
        store.ensureCapacity(INITIAL_CAPACITY);
        stores[i] = store;
        slotOf[i] = -1;
      } else {
        slotOf[i] = slotCount++;
      }
    }
    this.slots = slotCount;
    this.accumulators = new KpiAccumulator<?>[INITIAL_CAPACITY * slots];
  }

  /**
   * Returns an empty aggregator that isolates failing KPIs.
   *
   * @param model the model whose KPIs to compute
   * @param asOf the instant T the values are for; the window is the model's, ending at T
   * @return the aggregator
   */
  public static SignalAggregator of(HealthModel model, Instant asOf) {
    return of(model, asOf, FailurePolicy.ISOLATE);
  }

  /**
   * Returns an empty aggregator.
   *
   * @param model the model whose KPIs to compute
   * @param asOf the instant T the values are for; the window is the model's, ending at T
   * @param policy what to do when a KPI's accumulator or store throws
   * @return the aggregator
   */
  public static SignalAggregator of(HealthModel model, Instant asOf, FailurePolicy policy) {
    return new SignalAggregator(
        Objects.requireNonNull(model, "model"), Objects.requireNonNull(asOf, "asOf"), policy);
  }

  /**
   * Returns the window the values are computed for.
   *
   * @return the window {@code (T - W, T]}
   */
  public Window window() {
    return window;
  }

  /**
   * Declares that a source of signals was supplied, even if it held no signal: a count KPI that
   * reads it is then a real zero rather than not applicable. Adding a signal declares its type.
   *
   * @param type the signal type, such as {@code SupportCase.class} for an empty {@code cases.csv}
   * @return this aggregator
   */
  public SignalAggregator declareSource(Class<? extends Signal> type) {
    supplied.add(Objects.requireNonNull(type, "type"));
    return this;
  }

  /**
   * Makes room for at least {@code pairs} (account, cloud) pairs, counting each account's
   * account-wide signals as one pair, so that making that many grows no array: a hint for a caller
   * who knows roughly how large its portfolio is. Without it the per-pair arrays and the KPIs'
   * stores grow by doubling, which copies them as they grow and may leave them up to half empty.
   * It changes no value.
   *
   * @param pairs how many pairs to make room for; fewer than the aggregator has room for already
   *     changes nothing
   * @throws IllegalArgumentException if {@code pairs} is negative, or more than the per-pair
   *     arrays or a KPI's store can hold; the aggregator is then left as it was
   */
  public void ensureCapacity(int pairs) {
    if (pairs < 0) {
      throw new IllegalArgumentException("pairs: must be at least 0, was " + pairs);
    }
    if (pairs > accountOf.length) {
      growPairs(pairs);
    }
  }

  /**
   * Adds a signal.
   *
   * @param signal the signal
   * @throws KpiFailureException under {@link FailurePolicy#FAIL}, if a KPI's accumulator or store
   *     throws
   * @throws IllegalArgumentException if the signal is a metric already given another value, or
   *     if it names a new pair and a KPI's store refuses room for it ({@link
   *     KpiStates#ensureCapacity}), whatever the failure policy; a refused signal is not added
   *     and files no account or cloud, though its type counts as supplied, as with {@link
   *     #declareSource}
   */
  public void add(Signal signal) {
    addRouted(signal);
  }

  /**
   * Adds every signal of {@code signals}, in order, with the result of calling {@link #add} on
   * each. A {@link java.util.RandomAccess} list is added a few signals at a time: their pairs are
   * looked up first, so that the cache misses of the lookups overlap, and then the signals are
   * added one by one. Where most signals go to the same pair as the signal before them, as in
   * input grouped by account, the lookup would only add work, and the next few signals are added
   * without it. A signal that throws leaves the ones before it added and the ones after it not,
   * as with {@link #add}.
   *
   * @param signals the signals
   * @throws KpiFailureException under {@link FailurePolicy#FAIL}, if a KPI's accumulator or store
   *     throws
   * @throws IllegalArgumentException if a signal is a metric already given another value, or if
   *     it names a new pair and a KPI's store refuses room for it
   * @throws NullPointerException if {@code signals} or one of its signals is null
   */
  public void addAll(Iterable<? extends Signal> signals) {
    if (signals instanceof List<? extends Signal> list && signals instanceof RandomAccess) {
      addInBatches(list);
      return;
    }
    for (Signal signal : signals) {
      add(signal);
    }
  }

  /**
   * Adds everything {@code other} holds to this aggregator. {@code other} is left as it was.
   *
   * @param other an aggregator of the same model and window
   * @throws IllegalArgumentException if {@code other} has another model or window, which changes
   *     nothing; or if a KPI's store refuses room for a pair that only {@code other} has, which
   *     leaves this aggregator with part of {@code other} merged, to be discarded
   * @throws KpiFailureException under {@link FailurePolicy#FAIL}, if a KPI's merge of accumulators
   *     or of stores throws
   */
  public void merge(SignalAggregator other) {
    if (!other.window.equals(window)) {
      throw new IllegalArgumentException(
          "other: must aggregate over the window " + window + ", was " + other.window);
    }
    if (!other.model.equals(model)) {
      throw new IllegalArgumentException(
          "other: must aggregate the same model, was another one (its KPIs "
              + Arrays.asList(other.ids) + ", this aggregator's " + Arrays.asList(ids) + ")");
    }
    if (!Arrays.equals(other.slotOf, slotOf)) {
      // Only a KPI that offers a store to one aggregator and not to another gets here.
      throw new IllegalArgumentException(
          "other: its KPIs must keep their state as this aggregator's do, in a store or in"
              + " accumulators; was " + Arrays.toString(other.slotOf) + ", expected "
              + Arrays.toString(slotOf) + " (-1 for a store)");
    }
    if (pairCount == 0) {
      // Every pair of other becomes one of this aggregator's, and no other pair does.
      ensureCapacity(other.pairCount);
    }
    supplied.addAll(other.supplied);
    unread += other.unread;
    afterAsOf += other.afterAsOf;
    other.failures.forEach(failures::putIfAbsent);
    int theirPairs = other.pairCount;
    for (int theirs = 0; theirs < theirPairs; theirs++) {
      AccountId account = other.accountIds[other.accountOf[theirs]];
      mergePair(pair(account, other.clouds[other.cloudOf[theirs]]), other, theirs);
    }
  }

  /**
   * Returns the KPI values of every account and cloud, accounts and clouds in order of id, each
   * cloud's values in the model's order of KPIs.
   *
   * @return the values per account
   * @throws KpiFailureException under {@link FailurePolicy#FAIL}, if a KPI's result throws
   */
  public List<AccountValues> results() {
    boolean[] kpiSupplied = new boolean[width];
    for (int i = 0; i < width; i++) {
      kpiSupplied[i] = isSupplied(kpis[i]);
    }
    int accounts = accountNumbers.size();
    // Pair numbers grouped by account number: those of account a are from start[a] to
    // start[a + 1], each group in order of cloud id.
    int[] start = new int[accounts + 1];
    for (int p = 0; p < pairCount; p++) {
      start[accountOf[p] + 1]++;
    }
    for (int a = 0; a < accounts; a++) {
      start[a + 1] += start[a];
    }
    // Each grouped pair's cloud rank beside it, read in the pass over pairs in order, so that
    // sorting a group by cloud reads no pair's state.
    CloudId[] cloudIds = clouds;
    int[] cloudRank = ranks(cloudCount, (a, b) -> cloudIds[a].compareTo(cloudIds[b]));
    int[] grouped = new int[pairCount];
    int[] groupedRank = new int[pairCount];
    int[] next = Arrays.copyOf(start, accounts);
    for (int p = 0; p < pairCount; p++) {
      int j = next[accountOf[p]]++;
      grouped[j] = p;
      groupedRank[j] = cloudRank[cloudOf[p]];
    }

    // Each account's place in the order of ids. The ids' characters are copied first, in order
    // of number, so that the sort compares arrays that lie together rather than ids spread over
    // the memory of the signals that brought them; comparing chars is comparing the strings. The
    // accounts are then visited by number, the order in which they and most of their pairs were
    // first seen, so that the stores are read mostly forwards rather than at random.
    char[][] idChars = new char[accounts][];
    for (int a = 0; a < accounts; a++) {
      idChars[a] = accountIds[a].value().toCharArray();
    }
    int[] place = ranks(accounts, (a, b) -> Arrays.compare(idChars[a], idChars[b]));
    AccountValues[] results = new AccountValues[accounts];
    for (int a = 0; a < accounts; a++) {
      sortByCloud(grouped, groupedRank, start[a], start[a + 1]);
      results[place[a]] = resultsOf(accountIds[a], grouped, start[a], start[a + 1], kpiSupplied);
    }
    return new ArrayList<>(Arrays.asList(results));
  }

  /**
   * Returns the failures met so far under {@link FailurePolicy#ISOLATE}, one for each KPI,
   * account and cloud, in the order met.
   *
   * @return the failures; empty when every KPI computed
   */
  public List<KpiFailure> failures() {
    return List.copyOf(failures.values());
  }

  /**
   * Returns how many signals no KPI of the model read: signals of types no KPI reads, and metrics
   * that name no KPI. They still name their account and cloud.
   *
   * @return the count of unread signals
   */
  public long unread() {
    return unread;
  }

  /**
   * Returns how many signals came into being after the as-of instant T ({@link
   * Signal#occurredAt()}). They were ignored: they neither count in a KPI nor name a cloud.
   *
   * @return the count of signals after T
   */
  public long afterAsOf() {
    return afterAsOf;
  }

  /**
   * Returns how many (account, cloud) pairs the aggregator holds, counting each account's
   * account-wide signals as one pair.
   *
   * @return the number of pairs
   */
  public int pairs() {
    return pairCount;
  }

  /**
   * Adds one signal whose route is known, and returns its pair, or -1 if it reached none.
   * {@code knownPair} is the signal's pair if a lookup found it, else -1.
   */
  private int add(Signal signal, Route route, int knownPair) {
    Instant occurred = signal.occurredAt();
    if (occurred != null && occurred.isAfter(asOf)) {
      // It cannot count as of T, and must not name a cloud that did not exist at T.
      afterAsOf++;
      return -1;
    }
    int metricTarget = route.metric ? metricTarget((Metric) signal) : -1;
    if (route.kpis.length == 0 && metricTarget < 0 && !route.contract) {
      if (route.namesCloud && knownPair < 0) {
        pair(signal.account(), signal.cloud());
      }
      unread++;
      return -1;
    }
    int pair = knownPair >= 0 ? knownPair : pair(signal.account(), signal.cloud());
    if (metricTarget >= 0) {
      // Before the KPIs, so that no KPI that reads metrics sees a metric that is refused.
      metric(pair, metricTarget, ((Metric) signal).value());
    }
    for (int i : route.kpis) {
      if (failed == null || !hasFailed(pair, i)) {
        KpiStates<?> store = stores[i];
        try {
          if (store != null) {
            store.add(pair, signal);
          } else {
            accumulator(pair, i).add(signal);
          }
        } catch (RuntimeException e) {
          fail(pair, i, e);
        }
      }
    }
    if (route.contract) {
      arr[pair] += ((Contract) signal).arr();
    }
    return pair;
  }

  /**
   * Adds a list a batch at a time. A batch is looked up ahead, so that the cache misses of its
   * signals overlap, unless most signals of the batch before went to the same pair as the signal
   * before them: input grouped by pair keeps each pair's state in cache, and the lookup would
   * only add work. Either way, each batch counts such repeats to choose how to add the next.
   */
  private void addInBatches(List<? extends Signal> signals) {
    Lookahead ahead = new Lookahead();
    int size = signals.size();
    boolean grouped = false;
    int previous = -1;
    for (int from = 0; from < size; from += BATCH) {
      int to = Math.min(size, from + BATCH);
      int looked = grouped ? 0 : lookUp(signals, from, to, ahead);
      int repeats = 0;
      for (int k = 0; k < to - from; k++) {
        Signal signal = ahead.signals[k];
        Route route = ahead.routes[k];
        // A pair the lookup did not find may since have been made by a signal before this one, so
        // a missing pair (-1) is looked up again.
        int pair = k < looked && signal != null && route != null
            ? add(signal, route, ahead.pairs[k])
            : addRouted(signals.get(from + k));
        repeats += pair >= 0 && pair == previous ? 1 : 0;
        previous = pair;
      }
      grouped = 2 * repeats > to - from;
    }
  }

  /** Adds one signal, finding its route, and returns its pair, or -1 if it reached none. */
  private int addRouted(Signal signal) {
    return add(signal, route(signal.getClass()), -1);
  }

  /**
   * Finds the routes and the pairs that exist of {@code signals} from {@code from} to {@code to},
   * changing nothing, and returns how many signals it looked at: it stops at a null signal. A
   * route or pair that does not exist yet is null or -1.
   *
   * <p>Each step reads one level of every signal's objects before the next step reads the level
   * below: the signals, then their accounts' ids, then the tables, then the accumulators or the
   * stores' words. Within a step the reads do not depend on each other, so their cache misses
   * overlap, where adding signal by signal waits for each miss in turn.
   */
  private int lookUp(List<? extends Signal> signals, int from, int to, Lookahead ahead) {
    int n = to - from;
    for (int k = 0; k < n; k++) {
      Signal signal = signals.get(from + k);
      if (signal == null) {
        n = k;
        break;
      }
      ahead.signals[k] = signal;
      ahead.routes[k] = knownRoute(signal.getClass());
    }
    for (int k = 0; k < n; k++) {
      // The first step stored a signal at every k below n.
      Signal signal = Objects.requireNonNull(ahead.signals[k]);
      AccountId account = signal.account();
      ahead.accounts[k] = account;
      ahead.clouds[k] = account == null ? -1 : knownCloud(signal.cloud());
    }
    for (int k = 0; k < n; k++) {
      AccountId account = ahead.accounts[k];
      ahead.hashes[k] = account == null || ahead.clouds[k] < 0 ? 0 : AccountIndex.hash(account);
    }
    for (int k = 0; k < n; k++) {
      int c = ahead.clouds[k];
      AccountId account = ahead.accounts[k];
      ahead.pairs[k] =
          account == null || c < 0 ? -1 : pairsOfCloud[c].get(account, ahead.hashes[k]);
    }
    for (int k = 0; k < n; k++) {
      Route route = ahead.routes[k];
      int pair = ahead.pairs[k];
      if (pair >= 0 && route != null && route.kpis.length > 0) {
        touch(pair, route.kpis[0], ahead, k);
      }
    }
    return n;
  }

  /**
   * Reads the first word of a pair's state of KPI i, or the header of its accumulator, only to
   * have it on its way to the cache before the add reads it.
   */
  private void touch(int pair, int i, Lookahead ahead, int k) {
    KpiStates<?> store = stores[i];
    if (store == null) {
      KpiAccumulator<?> first = accumulators[pair * slots + slotOf[i]];
      ahead.touched[k] = first == null ? null : first.getClass();
      return;
    }
    try {
      ahead.words[k] = store.prefetch(pair);
    } catch (RuntimeException e) {
      // A hint only: the add that follows meets the same fault and isolates the KPI.
      ahead.words[k] = 0;
    }
  }

  private Route route(Class<? extends Signal> type) {
    Route route = knownRoute(type);
    return route != null ? route : newRoute(type);
  }

  private @Nullable Route knownRoute(Class<?> type) {
    Class<?>[] types = routeTypes;
    for (int r = 0; r < routeCount; r++) {
      if (types[r] == type) {
        return routes[r];
      }
    }
    return null;
  }

  private Route newRoute(Class<? extends Signal> type) {
    supplied.add(type);
    if (routeCount == routeTypes.length) {
      routeTypes = Arrays.copyOf(routeTypes, 2 * routeCount);
      routes = Arrays.copyOf(routes, 2 * routeCount);
    }
    Route route = new Route(
        routesFor(kpis, type), Metric.class.isAssignableFrom(type),
        Contract.class.isAssignableFrom(type), !RenewalOutcome.class.isAssignableFrom(type));
    routeTypes[routeCount] = type;
    routes[routeCount] = route;
    routeCount++;
    return route;
  }

  private int metricTarget(Metric metric) {
    Integer target = metricTargets.get(metric.name());
    return target == null ? -1 : target;
  }

  /** Returns the pair number of an account and cloud, making the pair if there is none. */
  private int pair(AccountId account, CloudId cloud) {
    int c = knownCloud(cloud);
    int hash = AccountIndex.hash(account);
    int pair = c < 0 ? -1 : pairsOfCloud[c].get(account, hash);
    return pair >= 0 ? pair : newPair(account, hash, c, cloud);
  }

  /**
   * Returns the number of a cloud seen before, or -1. The first clouds are compared by identity,
   * on purpose: signals mostly share their cloud's id object, and any other id is found through
   * the map, by value.
   */
  @SuppressWarnings("ReferenceEquality")
  private int knownCloud(CloudId cloud) {
    CloudId[] known = clouds;
    int few = Math.min(cloudCount, INITIAL_CAPACITY);
    for (int c = 0; c < few; c++) {
      if (known[c] == cloud) {
        return c;
      }
    }
    Integer number = cloudNumbers.get(cloud);
    return number == null ? -1 : number;
  }

  private int newCloud(CloudId cloud) {
    if (cloudCount == clouds.length) {
      clouds = Arrays.copyOf(clouds, 2 * cloudCount);
      pairsOfCloud = Arrays.copyOf(pairsOfCloud, 2 * cloudCount);
    }
    int c = cloudCount++;
    clouds[c] = cloud;
    pairsOfCloud[c] = new AccountIndex();
    cloudNumbers.put(cloud, c);
    return c;
  }

  /**
   * Makes the pair of an account and cloud; {@code c} is the cloud's number, or -1 for a cloud not
   * seen yet. The arrays and stores get room first, so that a store that refuses it leaves the
   * aggregator as it was: no account, cloud or pair of the refused one is filed.
   */
  private int newPair(AccountId account, int hash, int c, CloudId cloud) {
    if (pairCount == accountOf.length) {
      growPairs((int) Math.min(Integer.MAX_VALUE, 2L * pairCount));
    }
    int number = accountNumbers.get(account, hash);
    if (number < 0) {
      number = accountNumbers.size();
      if (number == accountIds.length) {
        accountIds = Arrays.copyOf(accountIds, 2 * number);
      }
      accountIds[number] = account;
      accountNumbers.put(account, hash, number);
    }
    int cloudNumber = c >= 0 ? c : newCloud(cloud);
    int pair = pairCount++;
    accountOf[pair] = number;
    cloudOf[pair] = cloudNumber;
    pairsOfCloud[cloudNumber].put(account, hash, pair);
    return pair;
  }

  /**
   * Gives every per-pair array and store room for {@code capacity} pairs. What can refuse, the
   * stores and the bound of the accumulators' array, refuses before any of the aggregator's own
   * arrays changes, so that a refusal leaves it as it was, with room to spare in some stores.
   */
  private void growPairs(int capacity) {
    if (slots > 0 && capacity > Integer.MAX_VALUE / slots) {
      throw new IllegalArgumentException(
          "pairs: at most " + Integer.MAX_VALUE / slots + " for a model with " + slots
              + " KPIs that keep no store, was " + capacity);
    }
    for (KpiStates<?> store : stores) {
      if (store != null) {
        store.ensureCapacity(capacity);
      }
    }
    accountOf = Arrays.copyOf(accountOf, capacity);
    cloudOf = Arrays.copyOf(cloudOf, capacity);
    arr = Arrays.copyOf(arr, capacity);
    accumulators = Arrays.copyOf(accumulators, capacity * slots);
    if (failed != null) {
      failed = Arrays.copyOf(failed, capacity);
    }
    if (metrics != null) {
      metrics = Arrays.copyOf(metrics, capacity);
    }
  }

  /** Returns pair p's accumulator of KPI i, a KPI without a store, making it if there is none. */
  private KpiAccumulator<?> accumulator(int pair, int i) {
    int slot = pair * slots + slotOf[i];
    KpiAccumulator<?> accumulator = accumulators[slot];
    if (accumulator == null) {
      accumulator = kpis[i].newAccumulator(window);
      accumulators[slot] = accumulator;
    }
    return accumulator;
  }

  private boolean hasFailed(int pair, int i) {
    return failure(pair, i) != null;
  }

  private @Nullable RuntimeException failure(int pair, int i) {
    return failed == null || failed[pair] == null ? null : failed[pair][i];
  }

  private void recordFailure(int pair, int i, RuntimeException e) {
    @Nullable RuntimeException @Nullable [] @Nullable [] all = failed;
    if (all == null) {
      all = new RuntimeException[accountOf.length][];
      failed = all;
    }
    @Nullable RuntimeException[] ofPair = all[pair];
    if (ofPair == null) {
      ofPair = new RuntimeException[width];
      all[pair] = ofPair;
    }
    ofPair[i] = e;
  }

  private void metric(int pair, int i, double value) {
    if (metrics == null) {
      metrics = new double[accountOf.length][];
    }
    double[] values = metrics[pair];
    if (values == null) {
      values = new double[width];
      Arrays.fill(values, Double.NaN);
      metrics[pair] = values;
    }
    if (!Double.isNaN(values[i]) && values[i] != value) {
      // Either value could win depending on the order of arrival, so neither may.
      throw new IllegalArgumentException(
          "metric '" + ids[i] + "' of account " + accountOfPair(pair) + ", cloud '"
              + clouds[cloudOf[pair]] + "': must be given once, was " + values[i] + " and "
              + value);
    }
    values[i] = value;
  }

  private double metricOr(int pair, int i, double fallback) {
    if (pair < 0 || metrics == null || metrics[pair] == null || Double.isNaN(metrics[pair][i])) {
      return fallback;
    }
    return metrics[pair][i];
  }

  private AccountId accountOfPair(int pair) {
    return accountIds[accountOf[pair]];
  }

  /**
   * Returns the rank of each of the first {@code count} numbers, by number, in the given order of
   * numbers.
   */
  private static int[] ranks(int count, Comparator<Integer> order) {
    Integer[] byId = new Integer[count];
    for (int n = 0; n < count; n++) {
      byId[n] = n;
    }
    Arrays.sort(byId, order);
    int[] rank = new int[count];
    for (int r = 0; r < count; r++) {
      rank[byId[r]] = r;
    }
    return rank;
  }

  /**
   * Sorts {@code pairs[from, to)}, the few pairs of one account, by the ranks of their clouds,
   * which {@code ranks} holds at the same indices and is sorted with them.
   */
  private static void sortByCloud(int[] pairs, int[] ranks, int from, int to) {
    for (int j = from + 1; j < to; j++) {
      int pair = pairs[j];
      int rank = ranks[j];
      int k = j - 1;
      while (k >= from && ranks[k] > rank) {
        pairs[k + 1] = pairs[k];
        ranks[k + 1] = ranks[k];
        k--;
      }
      pairs[k + 1] = pair;
      ranks[k + 1] = rank;
    }
  }

  private AccountValues resultsOf(
      AccountId account, int[] pairs, int from, int to, boolean[] kpiSupplied) {
    int wide = -1;
    for (int j = from; j < to; j++) {
      if (clouds[cloudOf[pairs[j]]].isAccountWide()) {
        wide = pairs[j];
      }
    }
    // The arrays are handed over to the values, which keep them instead of copying them.
    int named = to - from - (wide < 0 ? 0 : 1);
    CloudValues[] values = new CloudValues[Math.max(1, named)];
    int next = 0;
    for (int j = from; j < to; j++) {
      if (pairs[j] != wide) {
        values[next++] = valuesOf(clouds[cloudOf[pairs[j]]], pairs[j], wide, kpiSupplied);
      }
    }
    if (named == 0) {
      values[0] = valuesOf(CloudId.ACCOUNT_WIDE, wide, -1, kpiSupplied);
    }
    return new AccountValues(account, HandedOverList.of(values));
  }

  private CloudValues valuesOf(CloudId cloud, int pair, int wide, boolean[] kpiSupplied) {
    KpiValue[] values = new KpiValue[width];
    for (int i = 0; i < width; i++) {
      values[i] = valueOf(pair, wide, i, kpiSupplied[i]);
    }
    return new CloudValues(cloud, arr[pair], HandedOverList.of(values));
  }

  private KpiValue valueOf(int pair, int wide, int i, boolean kpiSupplied) {
    RuntimeException failure = failure(pair, i) != null ? failure(pair, i)
        : wide < 0 ? null : failure(wide, i);
    if (failure != null) {
      return new KpiValue.NotApplicable(ids[i], "failed: " + failure);
    }
    double metric = metricOr(pair, i, metricOr(wide, i, Double.NaN));
    if (!Double.isNaN(metric)) {
      return KpiValue.Measured.of(ids[i], metric, 1);
    }
    try {
      KpiStates<?> store = stores[i];
      KpiValue value;
      if (store == null) {
        value = combined(i, pair, wide).result(kpiSupplied);
      } else if (wide < 0) {
        value = store.result(pair, kpiSupplied);
      } else {
        value = combinedFrom(store, pair, wide).result(kpiSupplied);
      }
      return KpiResultCheck.requireValueOf(ids[i], value);
    } catch (RuntimeException e) {
      fail(pair, i, e);
      return new KpiValue.NotApplicable(ids[i], "failed: " + e);
    }
  }

  private KpiAccumulator<?> combined(int i, int pair, int wide) {
    return Accumulators.combined(kpis[i], window, accumulators[pair * slots + slotOf[i]],
        wide < 0 ? null : accumulators[wide * slots + slotOf[i]]);
  }

  /** Returns a pair's state of a KPI with a store merged with the account-wide pair's. */
  private static KpiAccumulator<?> combinedFrom(KpiStates<?> store, int pair, int wide) {
    KpiAccumulator<?> own = store.accumulator(pair);
    Accumulators.mergeInto(own, store.accumulator(wide));
    return own;
  }

  private boolean isSupplied(Kpi<?> kpi) {
    for (Class<? extends Signal> type : kpi.reads()) {
      for (Class<? extends Signal> seen : supplied) {
        if (type.isAssignableFrom(seen)) {
          return true;
        }
      }
    }
    return false;
  }

  private void mergePair(int mine, SignalAggregator other, int theirs) {
    arr[mine] += other.arr[theirs];
    for (int i = 0; i < width; i++) {
      RuntimeException theirFailure = other.failure(theirs, i);
      if (!hasFailed(mine, i) && theirFailure != null) {
        recordFailure(mine, i, theirFailure);
      }
      KpiStates<?> store = stores[i];
      KpiStates<?> theirStore = other.stores[i];
      if (store != null && theirStore != null) {
        if (!hasFailed(mine, i)) {
          try {
            mergeStates(store, mine, theirStore, theirs);
          } catch (RuntimeException e) {
            fail(mine, i, e);
          }
        }
      } else {
        KpiAccumulator<?> source = other.accumulators[theirs * slots + slotOf[i]];
        if (!hasFailed(mine, i) && source != null) {
          KpiAccumulator<?> accumulator = accumulator(mine, i);
          try {
            Accumulators.mergeInto(accumulator, source);
          } catch (RuntimeException e) {
            fail(mine, i, e);
          }
        }
      }
      double metric = other.metricOr(theirs, i, Double.NaN);
      if (!Double.isNaN(metric)) {
        metric(mine, i, metric);
      }
    }
  }

  private void fail(int pair, int i, RuntimeException e) {
    AccountId account = accountOfPair(pair);
    CloudId cloud = clouds[cloudOf[pair]];
    KpiFailure failure = new KpiFailure(account, cloud, ids[i], e);
    if (policy == FailurePolicy.FAIL) {
      throw new KpiFailureException(failure);
    }
    recordFailure(pair, i, e);
    failures.putIfAbsent(account + "\u0000" + cloud + "\u0000" + ids[i], failure);
  }

  @SuppressWarnings("unchecked")
  private static <A extends KpiAccumulator<A>> void mergeStates(
      KpiStates<?> target, int pair, KpiStates<?> source, int sourcePair) {
    ((KpiStates<A>) target).merge(pair, (KpiStates<A>) source, sourcePair);
  }

  private static int[] routesFor(Kpi<?>[] kpis, Class<?> type) {
    int[] route = new int[kpis.length];
    int n = 0;
    for (int i = 0; i < kpis.length; i++) {
      for (Class<? extends Signal> read : kpis[i].reads()) {
        if (read.isAssignableFrom(type)) {
          route[n++] = i;
          break;
        }
      }
    }
    return Arrays.copyOf(route, n);
  }

  /** The state of {@link #addInBatches}' lookahead over one batch, reused from batch to batch. */
  private static final class Lookahead {
    final @Nullable Signal[] signals = new Signal[BATCH];
    final @Nullable Route[] routes = new Route[BATCH];
    final @Nullable AccountId[] accounts = new AccountId[BATCH];
    final int[] clouds = new int[BATCH];
    final int[] hashes = new int[BATCH];
    final int[] pairs = new int[BATCH];
    final @Nullable Class<?>[] touched = new Class<?>[BATCH];
    final long[] words = new long[BATCH];
  }

  /**
   * What the aggregator does with the signals of one type, worked out when the type is first seen.
   *
   * @param kpis the indices of the KPIs that read the type
   * @param metric whether its signals are {@link Metric}s, which may be a KPI's value
   * @param contract whether its signals are {@link Contract}s, which carry ARR
   * @param namesCloud whether its signals name their pair, as all but renewal outcomes do
   */
  // A route is never compared or hashed, so its array component needs no value semantics.
  @SuppressWarnings("ArrayRecordComponent")
  private record Route(int[] kpis, boolean metric, boolean contract, boolean namesCloud) {}
}
