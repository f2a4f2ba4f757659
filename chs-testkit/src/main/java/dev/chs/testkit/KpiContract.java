package dev.chs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The contract that every KPI keeps, as inherited jqwik properties. A KPI's test extends this
 * class, names the KPI and a window, and supplies generators of the signals the KPI reads; every
 * property and example below then runs against it.
 *
 * <p>The contract proves, for any signals the generators make:
 *
 * <ul>
 *   <li>the KPI describes itself: its id matches {@code [a-z][a-z0-9_]*}, its description is not
 *       blank, it reads at least one signal type, and {@link ServiceLoader} finds it;
 *   <li>an empty accumulator is the identity of {@link KpiAccumulator#merge}, and merge is
 *       associative and commutative and leaves its argument as it was;
 *   <li>signals split into random partitions, accumulated apart and merged in a random order and
 *       grouping, give exactly the single-pass result and exactly the single-pass bytes; so does
 *       any order of the signals;
 *   <li>there is no look-ahead: signals dated after the window's as-of instant never change the
 *       result;
 *   <li>a KPI without evidence is not applicable: an empty accumulator given {@code sourceSupplied
 *       = false} is {@link KpiValue.NotApplicable}, and a measured value that rests on no signal
 *       appears only when a source was supplied. The count rule: a KPI that {@linkplain #isCount()
 *       is a count} measures a real 0, with no evidence, from an empty accumulator whose source was
 *       supplied; any other KPI stays not applicable;
 *   <li>the default curve scores every measured value in [0, 100];
 *   <li>the state survives a round trip: writing, reading and writing again gives the same bytes,
 *       the same window and the same result, and reading consumes exactly the bytes written;
 *       state of another KPI, another version or cut short is rejected with an {@link
 *       IOException};
 *   <li>signals of types the KPI does not read leave the state as it was, and merging
 *       accumulators of different windows fails;
 *   <li>if the KPI offers a store of many pairs' state ({@link Kpi#newStates}), every pair of the
 *       store behaves as an accumulator would: signals spread over random pairs in random order,
 *       with the store growing as higher pairs appear, give per pair the bytes and the results of
 *       an accumulator given the same signals; merging a pair from another store, from the same
 *       store or into itself agrees with merging accumulators; growing keeps every pair and adds
 *       empty ones; {@link KpiStates#accumulator} returns a copy; a pair number out of range is
 *       rejected with an {@link IndexOutOfBoundsException}, a negative capacity and a merge of
 *       stores of different windows with an {@link IllegalArgumentException}. For a KPI without a
 *       store these properties are reported as skipped, not as passed.
 * </ul>
 *
 * <p>Results are compared with {@code equals}, so doubles must match to the last bit; "close" is a
 * failure. Every failure is a real one: jqwik prints the shrunk signals and the seed that
 * reproduce it.
 *
 * <p>A plugin author's test looks like this:
 *
 * <pre>{@code
 * class InvoiceDaysOverdueTest extends KpiContract<InvoiceDaysOverdue.Accumulator> {
 *   static final Window WINDOW =
 *       new Window(Instant.parse("2026-06-30T00:00:00Z"), Duration.ofDays(90));
 *
 *   @Override
 *   protected Kpi<InvoiceDaysOverdue.Accumulator> kpi() {
 *     return new InvoiceDaysOverdue();
 *   }
 *
 *   @Override
 *   protected Window window() {
 *     return WINDOW;
 *   }
 *
 *   @Override
 *   protected Arbitrary<Signal> signals() {
 *     // Invoices falling due before, at, just inside and after the window's edges.
 *     return instantsAround(WINDOW).map(due -> invoice(due.minus(Duration.ofDays(30)), due));
 *   }
 *
 *   @Override
 *   protected Arbitrary<Signal> signalsAfter(Instant t) {
 *     return instantsAfter(t).map(issued -> invoice(issued, issued.plus(Duration.ofDays(30))));
 *   }
 *
 *   static Signal invoice(Instant issuedAt, Instant dueAt) {
 *     return new Invoice("inv-1", AccountId.of("acme"), CloudId.ACCOUNT_WIDE, issuedAt, dueAt,
 *         null);
 *   }
 * }
 * }</pre>
 *
 * <p>The test needs {@code chs-testkit} and the jqwik engine ({@code net.jqwik:jqwik}) on its
 * test path; under Maven Surefire the class name must match Surefire's includes, such as {@code
 * *Test}. The subclass may add hand-computed {@code @Example}s or JUnit {@code @Test}s of its own
 * beside the inherited ones. jqwik's usual settings apply, such as {@code jqwik.tries.default} in
 * {@code junit-platform.properties}.
 *
 * <p>jqwik makes a new instance of the subclass for each property and calls it from one thread at
 * a time; the overridden methods must not depend on state that a property changes.
 *
 * @param <A> the type of the KPI's accumulator
 * @since 0.1.0
 */
public abstract class KpiContract<A extends KpiAccumulator<A>> {
  /** The form every KPI id takes. */
  public static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

  private static final AccountId PROBE_ACCOUNT = AccountId.of("chs-testkit-probe");

  /** The number of pairs the properties of a store spread their signals over. */
  private static final int STORE_PAIRS = 8;

  /** Creates the contract; subclasses are instantiated by the test engine. */
  protected KpiContract() {}

  /**
   * Returns the KPI under test. May return a new instance on every call.
   *
   * @return the KPI; never null
   */
  protected abstract Kpi<A> kpi();

  /**
   * Returns the window that every accumulator of the contract covers.
   *
   * @return the window; never null
   */
  protected abstract Window window();

  /**
   * Returns a generator of the signals the KPI reads. It should reach every case that matters to
   * the KPI, dated before, exactly at and just inside both edges of the window, inside it and
   * after it; {@link #instantsAround(Window...)} makes such instants. Signals of one account and
   * cloud are enough, since the aggregation hands each accumulator only its own.
   *
   * @return the generator; never null
   */
  protected abstract Arbitrary<Signal> signals();

  /**
   * Returns a generator of signals the KPI reads that are all dated after {@code t}, so that none
   * of them may change a result as of {@code t}; {@link #instantsAfter(Instant)} makes such
   * instants. "Dated" means every instant the KPI looks at: a case both opened and closed after
   * {@code t}, for instance.
   *
   * @param t the instant that every signal must follow
   * @return the generator; never null
   */
  protected abstract Arbitrary<Signal> signalsAfter(Instant t);

  /**
   * Tells whether the KPI is a count, whose empty accumulator measures a real 0 when its source
   * was supplied. Override to return true for a count; the default is false, for which an empty
   * accumulator is not applicable whether or not the source was supplied.
   *
   * @return true for a count KPI
   */
  protected boolean isCount() {
    return false;
  }

  /**
   * Tells whether the KPI is registered as a service, so that {@link ServiceLoader} must find it.
   * Every KPI that ships is; override to return false only for a KPI that never ships, such as a
   * test double.
   *
   * @return true unless the KPI is a test double; true by default
   */
  protected boolean isRegisteredAsService() {
    return true;
  }

  /**
   * Returns the most signals that one generated list holds. Override to test with more or fewer.
   *
   * @return the largest list size, at least 1; 24 by default
   */
  protected int maxSignals() {
    return 24;
  }

  // ---------------------------------------------------------------------------------------------
  // Generators and tools for subclasses

  /**
   * Returns a generator of instants that hit the edges of the given windows half of the time:
   * each window's start {@code T - W} and as-of instant T, and one nanosecond either side of
   * them. The other half is spread evenly over {@code (T - 5W, T + W]} of the window whose T is
   * the latest, to whole seconds.
   *
   * @param windows the windows whose edges matter; at least one
   * @return the generator
   * @throws IllegalArgumentException if no window is given
   */
  protected static Arbitrary<Instant> instantsAround(Window... windows) {
    if (windows.length == 0) {
      throw new IllegalArgumentException("windows: must hold at least 1 window, was 0");
    }
    List<Instant> edges = new ArrayList<>();
    for (Window w : windows) {
      for (Instant edge : List.of(w.start(), w.asOf())) {
        edges.add(edge.minusNanos(1));
        edges.add(edge);
        edges.add(edge.plusNanos(1));
      }
    }
    Window last =
        Arrays.stream(windows).max((x, y) -> x.asOf().compareTo(y.asOf())).orElseThrow();
    long lengthSeconds = Math.max(1, last.length().toSeconds());
    Arbitrary<Instant> spread =
        Arbitraries.longs()
            .between(-5 * lengthSeconds + 1, lengthSeconds)
            .map(s -> last.asOf().plusSeconds(s));
    return Arbitraries.oneOf(Arbitraries.of(edges), spread);
  }

  /**
   * Returns a generator of instants after {@code t}: one nanosecond after it, or up to a year.
   *
   * @param t the instant to follow
   * @return the generator of instants {@code > t}
   */
  protected static Arbitrary<Instant> instantsAfter(Instant t) {
    return Arbitraries.oneOf(
        Arbitraries.just(t.plusNanos(1)),
        Arbitraries.longs().between(1, Duration.ofDays(366).toSeconds()).map(t::plusSeconds));
  }

  /**
   * Returns an accumulator for {@link #window()} that has been given these signals, in order.
   *
   * @param signals the signals
   * @return the accumulator
   */
  protected final A accumulate(Iterable<? extends Signal> signals) {
    A accumulator = kpi().newAccumulator(window());
    for (Signal signal : signals) {
      accumulator.add(signal);
    }
    return accumulator;
  }

  /**
   * Returns the result of these signals, as {@link #accumulate} computes it.
   *
   * @param sourceSupplied whether a source of the KPI's signals was supplied
   * @param signals the signals
   * @return the result
   */
  protected final KpiValue resultOf(boolean sourceSupplied, Signal... signals) {
    return accumulate(List.of(signals)).result(sourceSupplied);
  }

  /**
   * Returns the serialized form of an accumulator.
   *
   * @param accumulator the accumulator
   * @return the bytes {@link KpiAccumulator#writeTo} writes
   */
  protected final byte[] bytesOf(A accumulator) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      accumulator.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads an accumulator from bytes, and checks that reading consumed all of them.
   *
   * @param bytes the serialized form
   * @return the accumulator
   * @throws IOException if the KPI rejects the bytes
   */
  protected final A read(byte[] bytes) throws IOException {
    ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
    A accumulator = kpi().readAccumulator(new DataInputStream(stream));
    assertThat(stream.available()).as("bytes left over after reading the state").isZero();
    return accumulator;
  }

  // ---------------------------------------------------------------------------------------------
  // Providers

  /**
   * Provides lists of the subclass's {@link #signals()}.
   *
   * @return the lists, of up to {@link #maxSignals()} signals
   */
  @Provide
  public Arbitrary<List<Signal>> signalLists() {
    return signals().list().ofMaxSize(maxSignals());
  }

  /**
   * Provides non-empty lists of the subclass's {@link #signalsAfter(Instant)} the window's end.
   *
   * @return the lists, of 1 to 8 signals
   */
  @Provide
  public Arbitrary<List<Signal>> futureSignalLists() {
    return signalsAfter(window().asOf()).list().ofMinSize(1).ofMaxSize(8);
  }

  // ---------------------------------------------------------------------------------------------
  // The KPI describes itself

  /** The id is well formed, and the description, signal types, direction and curve are there. */
  @Example
  public void describesItself() {
    Kpi<A> kpi = kpi();
    assertThat(kpi.id()).as("id").matches(ID);
    assertThat(kpi.description()).as("description of %s", kpi.id()).isNotBlank();
    assertThat(kpi.reads()).as("reads() of %s", kpi.id()).isNotEmpty().doesNotContainNull();
    assertThat(kpi.direction()).as("direction of %s", kpi.id()).isNotNull();
    assertThat(kpi.defaultCurve()).as("default curve of %s", kpi.id()).isNotNull();
  }

  /** {@link ServiceLoader} finds the KPI's class in the KPI's own class loader. */
  @Example
  public void isFoundByServiceLoader() {
    if (!isRegisteredAsService()) {
      return;
    }
    Class<?> type = kpi().getClass();
    List<Class<?>> found =
        ServiceLoader.load(Kpi.class, type.getClassLoader()).stream()
            .map(ServiceLoader.Provider::type)
            .collect(Collectors.toList());
    assertThat(found)
        .as("providers of %s; register %s in module-info.java and in META-INF/services",
            Kpi.class.getName(), type.getName())
        .contains(type);
  }

  // ---------------------------------------------------------------------------------------------
  // No evidence, no value

  /** An empty accumulator is not applicable without a source; a count measures a real 0. */
  @Example
  public void emptyAccumulatorFollowsTheCountRule() {
    A empty = kpi().newAccumulator(window());

    KpiValue unsupplied = empty.result(false);
    assertThat(unsupplied).as("empty accumulator, no source supplied")
        .isInstanceOf(KpiValue.NotApplicable.class);
    assertNotApplicableIsExplained(unsupplied);

    KpiValue supplied = empty.result(true);
    if (isCount()) {
      assertThat(supplied).as("empty count, source supplied")
          .isEqualTo(new KpiValue.Measured(kpi().id(), 0, 0, 0, Set.of()));
    } else {
      assertThat(supplied).as("empty accumulator of a KPI that is not a count, source supplied")
          .isInstanceOf(KpiValue.NotApplicable.class);
      assertNotApplicableIsExplained(supplied);
    }
  }

  /**
   * Every result names the KPI; a not-applicable one gives a reason, and a measured one without a
   * supplied source rests on at least one signal.
   *
   * @param signals any signals
   */
  @Property
  public void measuredValuesRestOnEvidence(@ForAll("signalLists") List<Signal> signals) {
    A accumulator = accumulate(signals);
    for (boolean sourceSupplied : new boolean[] {false, true}) {
      KpiValue value = accumulator.result(sourceSupplied);
      assertThat(value.kpiId()).as("kpiId of the result").isEqualTo(kpi().id());
      if (value instanceof KpiValue.Measured measured) {
        assertThat(measured.evidence()).as("evidence").isNotNegative();
        if (!sourceSupplied) {
          assertThat(measured.evidence())
              .as("evidence of a value measured with no source supplied: %s", measured)
              .isPositive();
        }
      } else {
        assertNotApplicableIsExplained(value);
      }
    }
  }

  /**
   * The default curve scores every measured value in [0, 100].
   *
   * @param signals any signals
   */
  @Property
  public void defaultCurveScoresStayInBounds(@ForAll("signalLists") List<Signal> signals) {
    Curve curve = kpi().defaultCurve();
    A accumulator = accumulate(signals);
    for (boolean sourceSupplied : new boolean[] {false, true}) {
      if (accumulator.result(sourceSupplied) instanceof KpiValue.Measured measured) {
        assertThat(curve.score(measured.curveInput()))
            .as("default curve's score of %s", measured)
            .isBetween(0.0, 100.0);
        assertThat(measured.scoredBy(curve).score()).isBetween(0.0, 100.0);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Merge laws

  /**
   * Merging an empty accumulator, either way round, changes nothing.
   *
   * @param signals any signals
   */
  @Property
  public void emptyAccumulatorIsMergeIdentity(@ForAll("signalLists") List<Signal> signals) {
    A expected = accumulate(signals);

    A right = accumulate(signals);
    right.merge(kpi().newAccumulator(window()));
    assertSameState("a merged with empty", right, expected);

    A left = kpi().newAccumulator(window());
    left.merge(accumulate(signals));
    assertSameState("empty merged with a", left, expected);
  }

  /**
   * {@code (a + b) + c} equals {@code a + (b + c)}.
   *
   * @param a any signals
   * @param b any signals
   * @param c any signals
   */
  @Property
  public void mergeIsAssociative(
      @ForAll("signalLists") List<Signal> a,
      @ForAll("signalLists") List<Signal> b,
      @ForAll("signalLists") List<Signal> c) {
    A leftFirst = accumulate(a);
    leftFirst.merge(accumulate(b));
    leftFirst.merge(accumulate(c));

    A rightFirst = accumulate(b);
    rightFirst.merge(accumulate(c));
    A outer = accumulate(a);
    outer.merge(rightFirst);

    assertSameState("(a + b) + c against a + (b + c)", leftFirst, outer);
  }

  /**
   * {@code a + b} equals {@code b + a}.
   *
   * @param a any signals
   * @param b any signals
   */
  @Property
  public void mergeIsCommutative(
      @ForAll("signalLists") List<Signal> a, @ForAll("signalLists") List<Signal> b) {
    A ab = accumulate(a);
    ab.merge(accumulate(b));
    A ba = accumulate(b);
    ba.merge(accumulate(a));
    assertSameState("a + b against b + a", ab, ba);
  }

  /**
   * Merging leaves the accumulator merged from as it was.
   *
   * @param a any signals
   * @param b any signals
   */
  @Property
  public void mergeLeavesItsArgumentUnchanged(
      @ForAll("signalLists") List<Signal> a, @ForAll("signalLists") List<Signal> b) {
    A other = accumulate(b);
    byte[] before = bytesOf(other);
    accumulate(a).merge(other);
    assertThat(bytesOf(other)).as("state of the argument after merge").isEqualTo(before);
  }

  /**
   * Signals split at random, accumulated apart and merged in a random order and grouping, give
   * exactly the single-pass result and bytes.
   *
   * @param signals any signals
   * @param random decides the partitions and the merges
   */
  @Property
  public void randomPartitionsMergedInRandomOrderEqualSinglePass(
      @ForAll("signalLists") List<Signal> signals, @ForAll Random random) {
    A single = accumulate(signals);

    // Deal the signals into up to six partitions, then merge random pairs until one is left.
    int partitions = 1 + random.nextInt(6);
    List<List<Signal>> parts = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      parts.add(new ArrayList<>());
    }
    for (Signal signal : signals) {
      parts.get(random.nextInt(partitions)).add(signal);
    }
    List<A> pending = new ArrayList<>();
    for (List<Signal> part : parts) {
      pending.add(accumulate(part));
    }
    while (pending.size() > 1) {
      A into = pending.remove(random.nextInt(pending.size()));
      A from = pending.remove(random.nextInt(pending.size()));
      into.merge(from);
      pending.add(into);
    }

    assertSameState(partitions + " partitions merged at random", pending.get(0), single);
  }

  /**
   * Any order of the signals gives the same result and bytes.
   *
   * @param signals any signals
   * @param random decides the order
   */
  @Property
  public void orderOfSignalsDoesNotMatter(
      @ForAll("signalLists") List<Signal> signals, @ForAll Random random) {
    List<Signal> shuffled = new ArrayList<>(signals);
    Collections.shuffle(shuffled, random);
    assertSameState("shuffled signals", accumulate(shuffled), accumulate(signals));
  }

  /** Merging accumulators of different windows fails with an {@link IllegalArgumentException}. */
  @Example
  public void mergeRejectsAnotherWindow() {
    A mine = kpi().newAccumulator(window());
    A theirs = kpi().newAccumulator(window().earlier(1));
    assertThatThrownBy(() -> mine.merge(theirs)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // Time

  /**
   * Signals dated after the window's as-of instant, added anywhere among the others, never change
   * the result.
   *
   * @param signals any signals
   * @param future signals dated after the as-of instant
   * @param random decides where the future signals go
   */
  @Property
  public void signalsAfterAsOfNeverChangeTheResult(
      @ForAll("signalLists") List<Signal> signals,
      @ForAll("futureSignalLists") List<Signal> future,
      @ForAll Random random) {
    List<Signal> mixed = new ArrayList<>(signals);
    for (Signal signal : future) {
      mixed.add(random.nextInt(mixed.size() + 1), signal);
    }
    A seen = accumulate(signals);
    A withFuture = accumulate(mixed);
    for (boolean sourceSupplied : new boolean[] {false, true}) {
      assertThat(withFuture.result(sourceSupplied))
          .as("result with %s signals after T added, sourceSupplied=%s", future.size(),
              sourceSupplied)
          .isEqualTo(seen.result(sourceSupplied));
    }
  }

  /**
   * A signal of a type the KPI does not read leaves the state as it was.
   *
   * @param signals any signals
   */
  @Property
  public void signalsOfOtherTypesAreIgnored(@ForAll("signalLists") List<Signal> signals) {
    A accumulator = accumulate(signals);
    byte[] before = bytesOf(accumulator);
    accumulator.add(new ForeignSignal(PROBE_ACCOUNT, CloudId.ACCOUNT_WIDE, window().asOf()));
    assertThat(bytesOf(accumulator))
        .as("state after a signal of an unknown type")
        .isEqualTo(before);
  }

  // ---------------------------------------------------------------------------------------------
  // Serialized state

  /**
   * Writing, reading and writing again gives the same bytes, window and result; asking for the
   * result changes nothing.
   *
   * @param signals any signals
   * @throws IOException if the KPI cannot read its own state, which fails the property
   */
  @Property
  public void stateSurvivesRoundTrip(@ForAll("signalLists") List<Signal> signals)
      throws IOException {
    A original = accumulate(signals);
    byte[] bytes = bytesOf(original);
    KpiValue before = original.result(true);
    assertThat(bytesOf(original)).as("state after result()").isEqualTo(bytes);

    A copy = read(bytes);
    assertThat(copy.window()).as("window read back").isEqualTo(window());
    assertThat(bytesOf(copy)).as("bytes written by the copy").isEqualTo(bytes);
    assertThat(copy.result(true)).as("result of the copy").isEqualTo(before);
    assertThat(copy.result(false)).as("result of the copy").isEqualTo(original.result(false));
  }

  /**
   * State that names another KPI is rejected.
   *
   * @throws IOException if writing to memory fails
   */
  @Example
  public void readRejectsAnotherKpisState() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      KpiState.writeHeader(out, "not_" + kpi().id(), 1, window());
    }
    assertThatThrownBy(() -> read(bytes.toByteArray())).isInstanceOf(IOException.class);
  }

  /** State whose version byte was changed is rejected. */
  @Example
  public void readRejectsAnotherVersion() {
    byte[] bytes = bytesOf(kpi().newAccumulator(window()));
    // The version byte follows the id, which writeUTF prefixes with its length in two bytes.
    int versionAt = 2 + ((bytes[0] & 0xff) << 8 | (bytes[1] & 0xff));
    bytes[versionAt] = (byte) (bytes[versionAt] + 1);
    assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class);
  }

  /**
   * State cut short by any number of bytes is rejected.
   *
   * @param signals any signals
   * @param random decides where the state is cut
   */
  @Property(tries = 200)
  public void readRejectsTruncatedState(
      @ForAll("signalLists") List<Signal> signals, @ForAll Random random) {
    byte[] bytes = bytesOf(accumulate(signals));
    byte[] cut = Arrays.copyOf(bytes, random.nextInt(bytes.length));
    assertThatThrownBy(() -> read(cut))
        .as("reading %s of %s bytes", cut.length, bytes.length)
        .isInstanceOf(IOException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // The optional store of many pairs' state (skipped for a KPI without one)

  /**
   * Signals addressed to random pairs of a store, in random order, with the store growing as
   * higher pairs appear, leave every pair as an accumulator given the same signals would be: the
   * same bytes, the same results. Pairs never reached are empty, and a signal of a type the KPI
   * does not read changes no pair.
   *
   * @param signals signals with the pairs they go to
   */
  @Property
  @AddLifecycleHook(SkipWithoutStates.class)
  public void storeAgreesWithAccumulatorsPerPair(
      @ForAll("pairedSignalLists") List<PairedSignal> signals) {
    Mirror mirror = mirrorOf(signals);
    assertThat(mirror.store.window()).as("window of the store").isEqualTo(window());
    mirror.assertAgrees("after " + signals.size() + " signals spread over the pairs");

    if (mirror.size() > 0) {
      mirror.add(new PairedSignal(mirror.size() - 1,
          new ForeignSignal(PROBE_ACCOUNT, CloudId.ACCOUNT_WIDE, window().asOf())));
      mirror.assertAgrees("after a signal of a type the KPI does not read");
    }
  }

  /**
   * Merging a pair of another store into a pair of this one agrees with merging their
   * accumulators, and leaves the other store as it was.
   *
   * @param mine signals of the store merged into
   * @param theirs signals of the store merged from
   * @param random decides which pairs are merged
   */
  @Property
  @AddLifecycleHook(SkipWithoutStates.class)
  public void storeMergeFromAnotherStoreAgreesWithAccumulators(
      @ForAll("pairedSignalLists") List<PairedSignal> mine,
      @ForAll("pairedSignalLists") List<PairedSignal> theirs,
      @ForAll Random random) {
    Mirror into = mirrorOf(mine);
    Mirror from = mirrorOf(theirs);
    into.grow(STORE_PAIRS);
    from.grow(1 + random.nextInt(STORE_PAIRS));

    String merges = "";
    for (int i = 1 + random.nextInt(6); i > 0; i--) {
      int pair = random.nextInt(into.size());
      int otherPair = random.nextInt(from.size());
      into.merge(pair, from, otherPair);
      merges += " " + otherPair + "->" + pair;
    }

    into.assertAgrees("store merged into, after the merges" + merges);
    from.assertAgrees("store merged from, after the merges" + merges);
  }

  /**
   * Merging one pair of a store into another pair of the same store agrees with merging their
   * accumulators.
   *
   * @param signals signals of the store
   * @param random decides which pairs are merged
   */
  @Property
  @AddLifecycleHook(SkipWithoutStates.class)
  public void storeMergeWithinOneStoreAgreesWithAccumulators(
      @ForAll("pairedSignalLists") List<PairedSignal> signals, @ForAll Random random) {
    Mirror mirror = mirrorOf(signals);
    mirror.grow(STORE_PAIRS);

    String merges = "";
    for (int i = 1 + random.nextInt(6); i > 0; i--) {
      int pair = random.nextInt(STORE_PAIRS);
      int otherPair = (pair + 1 + random.nextInt(STORE_PAIRS - 1)) % STORE_PAIRS;
      mirror.merge(pair, mirror, otherPair);
      merges += " " + otherPair + "->" + pair;
    }

    mirror.assertAgrees("after the merges" + merges);
  }

  /**
   * Merging a pair into itself agrees with merging its accumulator with a copy of itself: the
   * pair then holds everything twice.
   *
   * @param signals signals of the store
   * @param random decides which pair is merged
   */
  @Property
  @AddLifecycleHook(SkipWithoutStates.class)
  public void storeMergeOfAPairIntoItselfAgreesWithAccumulators(
      @ForAll("pairedSignalLists") List<PairedSignal> signals, @ForAll Random random) {
    Mirror mirror = mirrorOf(signals);
    mirror.grow(STORE_PAIRS);
    int pair = random.nextInt(STORE_PAIRS);
    mirror.merge(pair, mirror, pair);
    mirror.assertAgrees("after merging pair " + pair + " into itself");
  }

  /**
   * Growing a store keeps the state of every pair it held, and the pairs it adds are empty; a
   * smaller capacity than the store has changes nothing.
   *
   * @param signals signals of the store
   * @param more how many pairs to add
   */
  @Property
  @AddLifecycleHook(SkipWithoutStates.class)
  public void storeGrowthKeepsStateAndAddsEmptyPairs(
      @ForAll("pairedSignalLists") List<PairedSignal> signals,
      @ForAll @IntRange(min = 1, max = 1000) int more) {
    Mirror mirror = mirrorOf(signals);
    int held = mirror.size();

    mirror.store.ensureCapacity(held / 2);
    mirror.assertAgrees("after ensureCapacity(" + held / 2 + ") of a store of " + held + " pairs");

    mirror.grow(held + more);
    mirror.assertAgrees("after growing from " + held + " to " + (held + more) + " pairs");
  }

  /**
   * The accumulator a store returns for a pair is a copy: adding to it leaves the store as it
   * was, and adding to or merging into the pair afterwards leaves the accumulator as it was.
   *
   * @param signals signals of the store
   * @param more signals added to the copy, then to the pair
   * @param random decides which pair is copied
   */
  @Property
  @AddLifecycleHook(SkipWithoutStates.class)
  public void storeAccumulatorIsACopy(
      @ForAll("pairedSignalLists") List<PairedSignal> signals,
      @ForAll("signalLists") List<Signal> more,
      @ForAll Random random) {
    Mirror mirror = mirrorOf(signals);
    mirror.grow(STORE_PAIRS);
    int pair = random.nextInt(STORE_PAIRS);

    A copy = mirror.store.accumulator(pair);
    for (Signal signal : more) {
      copy.add(signal);
    }
    mirror.assertAgrees("after adding " + more.size() + " signals to the accumulator of pair "
        + pair);

    byte[] copied = bytesOf(copy);
    for (Signal signal : more) {
      mirror.add(new PairedSignal(pair, signal));
    }
    mirror.merge(pair, mirror, pair);
    assertThat(bytesOf(copy))
        .as("accumulator taken from pair %s, after the pair was added to and merged into", pair)
        .isEqualTo(copied);
  }

  /**
   * A pair number that is negative, or not below the capacity, is rejected with an {@link
   * IndexOutOfBoundsException} by every method that takes one, whatever the signal, and the
   * store is left as it was. A new store has room for no pair.
   *
   * @param signals signals of the store
   * @param signal the signal offered at a pair out of range
   */
  @Property(tries = 100)
  @AddLifecycleHook(SkipWithoutStates.class)
  public void storeRejectsPairsOutOfRange(
      @ForAll("pairedSignalLists") List<PairedSignal> signals,
      @ForAll("singleSignals") Signal signal) {
    Mirror mirror = mirrorOf(signals);
    mirror.grow(1);
    KpiStates<A> store = mirror.store;
    for (int bad : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      assertRejected("add(" + bad + ", signal)", () -> store.add(bad, signal));
      assertRejected("accumulator(" + bad + ")", () -> store.accumulator(bad));
      assertRejected("result(" + bad + ", true)", () -> store.result(bad, true));
      assertRejected("result(" + bad + ", false)", () -> store.result(bad, false));
      assertRejected("merge(" + bad + ", store, 0)", () -> store.merge(bad, store, 0));
      assertRejected("merge(0, store, " + bad + ")", () -> store.merge(0, store, bad));
    }
    mirror.assertAgrees("after calls with pairs out of range");

    KpiStates<A> empty = newStates();
    assertRejected("add(0, signal) on a new store", () -> empty.add(0, signal));
    assertRejected("accumulator(0) on a new store", () -> empty.accumulator(0));
    assertRejected("result(0, true) on a new store", () -> empty.result(0, true));
    assertRejected("merge(0, store, 0) from a new store", () -> store.merge(0, empty, 0));
    assertRejected("merge(0, store, 0) into a new store", () -> empty.merge(0, store, 0));
  }

  /**
   * A capacity of zero is taken, by a new store and by one that holds pairs, and changes no pair's
   * state: it is the least capacity there is, not an error.
   *
   * @param signals signals of a store
   */
  @Property
  @AddLifecycleHook(SkipWithoutStates.class)
  public void storeTakesACapacityOfZero(
      @ForAll("pairedSignalLists") List<PairedSignal> signals) {
    assertThatCode(() -> newStates().ensureCapacity(0))
        .as("ensureCapacity(0) of a new store")
        .doesNotThrowAnyException();

    Mirror mirror = mirrorOf(signals);
    assertThatCode(() -> mirror.store.ensureCapacity(0))
        .as("ensureCapacity(0) of a store of %s pairs", mirror.size())
        .doesNotThrowAnyException();
    mirror.assertAgrees("after ensureCapacity(0) of a store of " + mirror.size() + " pairs");
  }

  /** A negative capacity is rejected with an {@link IllegalArgumentException}. */
  @Example
  @AddLifecycleHook(SkipWithoutStates.class)
  public void storeRejectsANegativeCapacity() {
    KpiStates<A> store = newStates();
    assertThatThrownBy(() -> store.ensureCapacity(-1))
        .as("ensureCapacity(-1)")
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Merging stores of different windows fails with an {@link IllegalArgumentException}. */
  @Example
  @AddLifecycleHook(SkipWithoutStates.class)
  public void storeMergeRejectsAnotherWindow() {
    KpiStates<A> mine = newStates();
    KpiStates<A> theirs =
        kpi().newStates(window().earlier(1)).orElseThrow(
            () -> new AssertionError(kpi().id() + " has a store for one window, not another"));
    mine.ensureCapacity(1);
    theirs.ensureCapacity(1);
    assertThat(theirs.window()).as("window of the other store").isEqualTo(window().earlier(1));
    assertThatThrownBy(() -> mine.merge(0, theirs, 0))
        .as("merge of a store over %s into one over %s", theirs.window(), mine.window())
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Provides lists of the subclass's {@link #signals()}, each addressed to one of a few pairs.
   *
   * @return the lists, of up to twice {@link #maxSignals()} signals
   */
  @Provide
  public Arbitrary<List<PairedSignal>> pairedSignalLists() {
    return Combinators.combine(Arbitraries.integers().between(0, STORE_PAIRS - 1), signals())
        .as(PairedSignal::new)
        .list()
        .ofMaxSize(2 * maxSignals());
  }

  /**
   * Provides single signals of the subclass's {@link #signals()}.
   *
   * @return the generator
   */
  @Provide
  public Arbitrary<Signal> singleSignals() {
    return signals();
  }

  /**
   * A signal and the number of the pair of a store it goes to.
   *
   * @param pair the pair's number, at least 0
   * @param signal the signal
   * @since 0.1.0
   */
  public record PairedSignal(int pair, Signal signal) {}

  /**
   * Returns a new, empty store of the KPI over {@link #window()}.
   *
   * @return the store
   * @throws AssertionError if the KPI has no store
   */
  private KpiStates<A> newStates() {
    return kpi().newStates(window()).orElseThrow(
        () -> new AssertionError(kpi().id() + " has no store, so this property should be skipped"));
  }

  /** Builds a store from signals, growing it as higher pairs appear, beside plain accumulators. */
  private Mirror mirrorOf(List<PairedSignal> signals) {
    Mirror mirror = new Mirror();
    for (PairedSignal signal : signals) {
      mirror.add(signal);
    }
    return mirror;
  }

  private static void assertRejected(String call, ThrowingCallable action) {
    assertThatThrownBy(action).as(call).isInstanceOf(IndexOutOfBoundsException.class);
  }

  /**
   * A store under test, and beside it one plain accumulator per pair that is given the same
   * signals and merges; the store must agree with the accumulators at every pair.
   */
  private final class Mirror {
    final KpiStates<A> store = newStates();
    final List<A> plain = new ArrayList<>();

    int size() {
      return plain.size();
    }

    /** Makes room for at least {@code pairs} pairs. */
    void grow(int pairs) {
      store.ensureCapacity(pairs);
      while (plain.size() < pairs) {
        plain.add(kpi().newAccumulator(window()));
      }
    }

    void add(PairedSignal signal) {
      if (signal.pair() >= size()) {
        grow(signal.pair() + 1);
      }
      store.add(signal.pair(), signal.signal());
      plain.get(signal.pair()).add(signal.signal());
    }

    void merge(int pair, Mirror other, int otherPair) {
      // What the other pair held before the merge, which the store must add even from itself.
      A before = kpi().newAccumulator(window());
      before.merge(other.plain.get(otherPair));

      store.merge(pair, other.store, otherPair);
      plain.get(pair).merge(before);
    }

    void assertAgrees(String when) {
      for (int pair = 0; pair < size(); pair++) {
        A expected = plain.get(pair);
        String what = "pair " + pair + " of " + size() + ", " + when;
        assertThat(store.result(pair, true)).as("%s: result(pair, true)", what)
            .isEqualTo(expected.result(true));
        assertThat(store.result(pair, false)).as("%s: result(pair, false)", what)
            .isEqualTo(expected.result(false));
        assertSameState(what + ": accumulator(pair)", store.accumulator(pair), expected);
      }
    }
  }

  /**
   * Skips a property of the optional store when the KPI has none, so that it is reported as
   * skipped rather than as passed.
   */
  static final class SkipWithoutStates implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      if (context instanceof PropertyLifecycleContext property
          && property.testInstance() instanceof KpiContract<?> contract) {
        Kpi<?> kpi = contract.kpi();
        if (kpi.newStates(contract.window()).isEmpty()) {
          return SkipResult.skip(kpi.id() + " keeps its state only in accumulators: newStates is"
              + " empty, so the properties of a store do not apply");
        }
      }
      return SkipResult.doNotSkip();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void assertSameState(String what, A actual, A expected) {
    assertThat(actual.result(true)).as("%s: result(true)", what)
        .isEqualTo(expected.result(true));
    assertThat(actual.result(false)).as("%s: result(false)", what)
        .isEqualTo(expected.result(false));
    assertThat(bytesOf(actual)).as("%s: serialized state", what).isEqualTo(bytesOf(expected));
  }

  private static void assertNotApplicableIsExplained(KpiValue value) {
    assertThat(value).isInstanceOf(KpiValue.NotApplicable.class);
    assertThat(((KpiValue.NotApplicable) value).reason()).as("reason of %s", value).isNotBlank();
  }

  /** A signal type that no KPI reads. */
  private record ForeignSignal(AccountId account, CloudId cloud, Instant at) implements Signal {}
}
