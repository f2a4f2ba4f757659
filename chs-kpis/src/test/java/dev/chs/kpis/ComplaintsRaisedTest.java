package dev.chs.kpis;

import static dev.chs.kpis.Fixtures.START;
import static dev.chs.kpis.Fixtures.T;
import static dev.chs.kpis.Fixtures.WINDOW;
import static dev.chs.kpis.Fixtures.complaint;
import static dev.chs.kpis.Fixtures.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.Window;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.testkit.KpiContract;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ComplaintsRaisedTest extends KpiContract<ComplaintsRaised.Accumulator> {
  private static final String ID = ComplaintsRaised.ID;
  private static final Set<String> COMPLAINT = Set.of(ComplaintsRaised.COMPLAINT);

  @Override
  protected Kpi<ComplaintsRaised.Accumulator> kpi() {
    return new ComplaintsRaised();
  }

  @Override
  protected Window window() {
    return WINDOW;
  }

  @Override
  protected Arbitrary<Signal> signals() {
    return Fixtures.complaints(instantsAround(WINDOW));
  }

  @Override
  protected Arbitrary<Signal> signalsAfter(Instant t) {
    return Fixtures.complaints(instantsAfter(t));
  }

  @Override
  protected boolean isCount() {
    return true;
  }

  @Test
  void countsDistinctComplaintsRaisedInTheWindow() {
    KpiValue value =
        resultOf(
            true,
            complaint("k1", T),
            complaint("k2", START.plusNanos(1)),
            // Reported twice: counts once.
            complaint("k1", day("2026-05-01")),
            // Exactly at T - W, and after T: not counted.
            complaint("k3", START),
            complaint("k4", T.plusNanos(1)));

    assertThat(value).isEqualTo(new KpiValue.Measured(ID, 2, 2, 2, COMPLAINT));
  }

  @Test
  void aComplaintReportedToTwoAccumulatorsCountsOnceWhenMerged() {
    ComplaintsRaised.Accumulator cloud = accumulate(List.of(complaint("k1", day("2026-05-01"))));
    ComplaintsRaised.Accumulator accountWide =
        accumulate(List.of(complaint("k1", day("2026-05-02")), complaint("k2", T)));

    cloud.merge(accountWide);

    assertThat(cloud.result(true)).isEqualTo(new KpiValue.Measured(ID, 2, 2, 2, COMPLAINT));
  }

  @Test
  void keepsIdsThatDifferOnlyInCaseApart() {
    KpiValue value = resultOf(true, complaint("K-1", T), complaint("k-1", T));
    assertThat(value).isEqualTo(new KpiValue.Measured(ID, 2, 2, 2, COMPLAINT));
  }

  @Test
  void isARealZeroWhenComplaintsWereSuppliedAndNoneRaised() {
    assertThat(resultOf(true)).isEqualTo(new KpiValue.Measured(ID, 0, 0, 0, Set.of()));
    assertThat(resultOf(true, complaint("old", START))).isEqualTo(
        new KpiValue.Measured(ID, 0, 0, 0, Set.of()));
  }

  @Test
  void isNotApplicableWhenNoComplaintsWereSupplied() {
    assertThat(resultOf(false))
        .isEqualTo(new KpiValue.NotApplicable(ID, "no complaints were supplied"));
  }

  @Test
  void scoresThroughTheDefaultSteps() {
    ComplaintsRaised kpi = new ComplaintsRaised();
    assertThat(kpi.defaultCurve().score(0)).isEqualTo(100);
    assertThat(kpi.defaultCurve().score(1)).isEqualTo(40);
    assertThat(kpi.defaultCurve().score(2)).isEqualTo(20);
    assertThat(kpi.defaultCurve().score(3)).isEqualTo(0);
    assertThat(kpi.defaultCurve().score(9)).isEqualTo(0);
  }

  @Property(tries = 200)
  void countsAndWritesManyDistinctIdsMergedAcrossPartitions(
      @ForAll @IntRange(min = 0, max = 60) int distinct,
      @ForAll @IntRange(min = 1, max = 4) int partitions,
      @ForAll long seed) throws IOException {
    // Past the sorted array of 16 ids that an accumulator keeps before a set, with repeats.
    Random random = new Random(seed);
    List<List<Signal>> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      parts.add(new ArrayList<>());
    }
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < 2 * distinct; i++) {
      String id = "CMP-" + random.nextInt(Math.max(1, distinct));
      parts.get(random.nextInt(partitions)).add(complaint(id, T));
      expected.add(id);
    }
    ComplaintsRaised.Accumulator merged = accumulate(parts.get(0));
    for (List<Signal> part : parts.subList(1, partitions)) {
      merged.merge(accumulate(part));
    }

    int n = expected.size();
    Set<String> flags = n == 0 ? Set.of() : COMPLAINT;
    assertThat(merged.result(true)).isEqualTo(new KpiValue.Measured(ID, n, n, n, flags));
    byte[] state = stateWithIds(expected.toArray(String[]::new));
    assertThat(bytesOf(merged)).isEqualTo(state);
    assertThat(read(state).result(true)).isEqualTo(merged.result(true));
  }

  @Test
  void rejectsIdsOutOfOrder() {
    assertThatThrownBy(() -> read(stateWithIds("k2", "k1")))
        .isInstanceOf(IOException.class)
        .hasMessage("accumulator state of 'complaints_raised': complaint id [1] must sort after"
            + " 'k2', was 'k1' (possible corruption)");
  }

  @Test
  void rejectsARepeatedId() {
    assertThatThrownBy(() -> read(stateWithIds("k1", "k1")))
        .isInstanceOf(IOException.class)
        .hasMessage("accumulator state of 'complaints_raised': complaint id [1] must sort after"
            + " 'k1', was 'k1' (possible corruption)");
  }

  /** Returns the serialized state that holds the ids, in the order given. */
  private static byte[] stateWithIds(String... ids) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      KpiState.writeHeader(out, ID, ComplaintsRaised.STATE_VERSION, WINDOW);
      out.writeInt(ids.length);
      for (String id : ids) {
        out.writeUTF(id);
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void matchesItsGoldenFile() throws IOException {
    List<Signal> signals =
        List.of(
            complaint("CMP-2", day("2026-05-01")),
            complaint("CMP-1", day("2026-06-01")),
            complaint("CMP-2", day("2026-06-02")),
            complaint("CMP-3", day("2026-07-01")));
    ComplaintsRaised.Accumulator read =
        GoldenFiles.check(kpi(), ComplaintsRaised.STATE_VERSION, accumulate(signals));

    assertThat(read.result(false)).isEqualTo(new KpiValue.Measured(ID, 2, 2, 2, COMPLAINT));
  }
}
