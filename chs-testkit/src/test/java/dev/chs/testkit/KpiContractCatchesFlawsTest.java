package dev.chs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the contract against KPIs with a planted flaw, and checks that the properties meant to
 * catch each flaw fail. The flawed contracts are nested classes, which Surefire does not run on
 * its own.
 */
class KpiContractCatchesFlawsTest {
  @Test
  void catchesLookAhead() {
    assertThat(failingProperties(LooksAhead.class))
        .contains("signalsAfterAsOfNeverChangeTheResult");
  }

  @Test
  void catchesASumThatDependsOnOrder() {
    assertThat(failingProperties(PlainDoubleSum.class))
        .contains(
            "randomPartitionsMergedInRandomOrderEqualSinglePass",
            "orderOfSignalsDoesNotMatter",
            "mergeIsAssociative");
  }

  @Test
  void catchesASilentZero() {
    assertThat(failingProperties(SilentZero.class))
        .contains("emptyAccumulatorFollowsTheCountRule", "measuredValuesRestOnEvidence");
  }

  @Test
  void catchesAStoreThatLosesStateOnGrowth() {
    assertThat(failingProperties(StatesLoseStateOnGrowth.class))
        .contains("storeAgreesWithAccumulatorsPerPair", "storeGrowthKeepsStateAndAddsEmptyPairs");
  }

  @Test
  void catchesAStoreThatSkipsMergingAPairIntoItself() {
    assertThat(failingProperties(StatesSkipMergeIntoItself.class))
        .containsExactly("storeMergeOfAPairIntoItselfAgreesWithAccumulators");
  }

  @Test
  void catchesAStoreWhoseAccumulatorSharesItsState() {
    assertThat(failingProperties(StatesShareSumWithAccumulator.class))
        .containsExactly("storeAccumulatorIsACopy");
  }

  @Test
  void catchesAStoreThatWrapsPairNumbersOutOfRange() {
    assertThat(failingProperties(StatesWrapPairNumbers.class))
        .containsExactly("storeRejectsPairsOutOfRange");
  }

  @Test
  void catchesAStoreThatMergesAnotherWindow() {
    assertThat(failingProperties(StatesIgnoreWindowOnMerge.class))
        .containsExactly("storeMergeRejectsAnotherWindow");
  }

  @Test
  void catchesAStoreThatRejectsACapacityOfZero() {
    // The growth property fails too when it draws a store of fewer than two pairs.
    assertThat(failingProperties(StatesRejectZeroCapacity.class))
        .contains("storeTakesACapacityOfZero");
  }

  @Test
  void skipsTheStorePropertiesOfAKpiWithoutAStore() {
    Map<String, TestExecutionResult.Status> outcomes = new TreeMap<>();
    Set<String> skipped = run(NoStates.class, outcomes);

    assertThat(skipped)
        .containsExactlyInAnyOrder(
            "storeAgreesWithAccumulatorsPerPair",
            "storeMergeFromAnotherStoreAgreesWithAccumulators",
            "storeMergeWithinOneStoreAgreesWithAccumulators",
            "storeMergeOfAPairIntoItselfAgreesWithAccumulators",
            "storeGrowthKeepsStateAndAddsEmptyPairs",
            "storeAccumulatorIsACopy",
            "storeRejectsPairsOutOfRange",
            "storeTakesACapacityOfZero",
            "storeRejectsANegativeCapacity",
            "storeMergeRejectsAnotherWindow");
    assertThat(outcomes).as("outcomes of the properties that ran").isNotEmpty()
        .allSatisfy((name, status) ->
            assertThat(status).as(name).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
  }

  private static Set<String> failingProperties(Class<?> contract) {
    Map<String, TestExecutionResult.Status> outcomes = new TreeMap<>();
    run(contract, outcomes);
    Set<String> failed = new TreeSet<>();
    outcomes.forEach((name, status) -> {
      if (status == TestExecutionResult.Status.FAILED) {
        failed.add(name);
      }
    });
    return failed;
  }

  /** Runs a contract, puts the outcome of each property that ran, and returns those skipped. */
  private static Set<String> run(
      Class<?> contract, Map<String, TestExecutionResult.Status> outcomes) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contract)).build();
    Set<String> skipped = new TreeSet<>();
    Launcher launcher = LauncherFactory.create();

    // jqwik prints each expected failure; keep them out of the build's output.
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    try {
      launcher.execute(
          request,
          new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
              if (id.isTest()) {
                outcomes.put(id.getDisplayName(), result.getStatus());
              }
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
              if (id.isTest()) {
                skipped.add(id.getDisplayName());
              }
            }
          });
    } finally {
      System.setOut(out);
    }
    return skipped;
  }

  static class LooksAhead extends PingMeanContract {
    @Override
    PingMean.Flaw flaw() {
      return PingMean.Flaw.LOOKS_AHEAD;
    }
  }

  static class PlainDoubleSum extends PingMeanContract {
    @Override
    PingMean.Flaw flaw() {
      return PingMean.Flaw.PLAIN_DOUBLE_SUM;
    }
  }

  static class SilentZero extends PingMeanContract {
    @Override
    PingMean.Flaw flaw() {
      return PingMean.Flaw.SILENT_ZERO;
    }
  }

  static class NoStates extends PingMeanContract {
    @Override
    PingMean.Flaw flaw() {
      return PingMean.Flaw.NO_STATES;
    }
  }

  static class StatesLoseStateOnGrowth extends PingMeanContract {
    @Override
    PingMean.Flaw flaw() {
      return PingMean.Flaw.STATES_LOSE_STATE_ON_GROWTH;
    }
  }

  static class StatesSkipMergeIntoItself extends PingMeanContract {
    @Override
    PingMean.Flaw flaw() {
      return PingMean.Flaw.STATES_SKIP_MERGE_INTO_ITSELF;
    }
  }

  static class StatesShareSumWithAccumulator extends PingMeanContract {
    @Override
    PingMean.Flaw flaw() {
      return PingMean.Flaw.STATES_SHARE_SUM_WITH_ACCUMULATOR;
    }
  }

  static class StatesRejectZeroCapacity extends PingMeanContract {
    @Override
    PingMean.Flaw flaw() {
      return PingMean.Flaw.STATES_REJECT_ZERO_CAPACITY;
    }
  }

  static class StatesWrapPairNumbers extends PingMeanContract {
    @Override
    PingMean.Flaw flaw() {
      return PingMean.Flaw.STATES_WRAP_PAIR_NUMBERS;
    }
  }

  static class StatesIgnoreWindowOnMerge extends PingMeanContract {
    @Override
    PingMean.Flaw flaw() {
      return PingMean.Flaw.STATES_IGNORE_WINDOW_ON_MERGE;
    }
  }
}
