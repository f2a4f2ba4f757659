package dev.chs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
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

  private static Set<String> failingProperties(Class<?> contract) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contract)).build();
    Set<String> failed = new TreeSet<>();
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
              if (id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                failed.add(id.getDisplayName());
              }
            }
          });
    } finally {
      System.setOut(out);
    }
    return failed;
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
}
