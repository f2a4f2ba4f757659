package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the strict reader of chs-learn, {@link SignalFiles}, with mutated files of each kind it
 * reads. {@link SignalFiles#read} and {@link SignalFiles#readMetrics} document one failure: an
 * {@link IOException}, whose message must name the file. Anything else fails the property, and
 * so does a read that takes longer than {@link #DEADLINE_SECONDS}. Before this property, bytes
 * that are not UTF-8 gave an {@code IOException} without the file's name ("Input length = 1"),
 * and a bad row of {@code metrics.csv} an {@code IllegalArgumentException} without file or line.
 */
class SignalFilesFuzzProperties {
  private static final long DEADLINE_SECONDS = 20;

  private static final Map<String, String> VALID = Map.of(
      "cases.csv", "case_id,account_id,cloud,opened_at,closed_at,first_contact_resolution\n"
          + "C-1,A-1,service,2026-06-01T10:00:00Z,2026-06-02,true\nC-2,A-2,,2026-06-03,,\n",
      "work_orders.csv", "work_order_id,account_id,cloud,created_at,completed_at,first_time_fix\n"
          + "W-1,A-1,service,2026-06-01,2026-06-04,false\nW-2,A-2,sales,2026-06-02,,\n",
      "complaints.csv", "complaint_id,account_id,cloud,raised_at\nK-1,A-1,service,2026-06-01\n",
      "usage.csv", "account_id,cloud,date,active_users,licensed_users\n"
          + "A-1,service,2026-06-01,5,10\nA-2,,2026-06-02,0,1\n",
      "sentiment.csv", "account_id,cloud,observed_at,score\nA-1,service,2026-06-01,0.5\n",
      "metrics.csv", "account_id,cloud,nps,tickets\nA-1,service,3,0.25\nA-2,,,-7\n");
  private static final String RENEWALS = "account_id,cloud,renewal_date,outcome\n"
      + "A-1,service,2026-01-01,renewed\nA-2,,2025-12-01,churned\n";
  private static final List<String> PIECES = List.of(
      "\"", ",", "\n", "\r", "\uFEFF", "\u0000", "*", " ", "", "NaN", "1e400", "-1",
      "9223372036854775808", "2026-02-30", "2026-06-01T10:00:00", "+999999999-12-31", "TRUE",
      "lost", "account_id", "cloud", "\u00e9", "\uD83D\uDE00");

  private static Path folder;

  @BeforeContainer
  static void createFolder() throws IOException {
    folder = Files.createTempDirectory("signal-files-fuzz");
  }

  @AfterContainer
  static void deleteFolder() throws IOException {
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(folder);
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void aMutatedFileIsReadOrFailsWithAnIoExceptionNamingIt(
      @ForAll("files") Tuple.Tuple2<String, byte[]> file) throws Exception {
    try (var old = Files.list(folder)) {
      for (Path stale : old.toList()) {
        Files.delete(stale);
      }
    }
    Path path = folder.resolve(file.get1());
    Files.write(path, file.get2());
    if (!file.get1().equals("renewals.csv")) {
      Files.writeString(folder.resolve("renewals.csv"), RENEWALS);
    }

    within(() -> {
      try {
        if (file.get1().equals("metrics.csv")) {
          SignalFiles.readMetrics(path);
        } else {
          SignalFiles.read(folder);
        }
      } catch (IOException e) {
        assertThat(e.getMessage()).as("%s", e).startsWith(path.toString());
      }
      return null;
    });
  }

  @Provide
  Arbitrary<Tuple.Tuple2<String, byte[]>> files() {
    List<String> names = new ArrayList<>(VALID.keySet());
    names.add("renewals.csv");
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of(PIECES), Arbitraries.strings().all().ofMaxLength(3));
    Arbitrary<Edit> insert = Combinators.combine(at, piece).as((where, text) -> s -> {
      int i = (int) (where * s.length());
      return s.substring(0, i) + text + s.substring(i);
    });
    Arbitrary<Edit> replaceCell = Combinators.combine(at, at, piece).as((row, cell, text) -> s -> {
      List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
      int i = Math.min(lines.size() - 1, (int) (row * lines.size()));
      List<String> cells = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
      cells.set(Math.min(cells.size() - 1, (int) (cell * cells.size())), text);
      lines.set(i, String.join(",", cells));
      return String.join("\n", lines);
    });
    Arbitrary<Edit> delete = Combinators.combine(at, Arbitraries.integers().between(1, 10))
        .as((where, n) -> s -> {
          int i = (int) (where * s.length());
          return s.substring(0, i) + s.substring(Math.min(s.length(), i + n));
        });
    // Replaced cells reach the value checks; the other edits mostly break the syntax.
    Arbitrary<List<Edit>> edits = Arbitraries.frequencyOf(
            Tuple.of(1, insert), Tuple.of(3, replaceCell), Tuple.of(1, delete))
        .list().ofMinSize(1).ofMaxSize(4);
    Arbitrary<Integer> flip = Arbitraries.integers().between(-1, 4000);
    return Combinators.combine(Arbitraries.of(names), edits, flip).as((name, list, bit) -> {
      String text = name.equals("renewals.csv") ? RENEWALS : VALID.get(name);
      for (Edit edit : list) {
        text = edit.applyTo(text);
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (bit >= 0 && bytes.length > 0) {
        bytes[(bit / 8) % bytes.length] ^= (byte) (1 << (bit % 8));
      }
      return Tuple.of(name, bytes);
    });
  }

  /** An edit of the text of a file. */
  private interface Edit {
    String applyTo(String text);
  }

  private static void within(Callable<Void> read) throws Exception {
    FutureTask<Void> future = new FutureTask<>(read);
    Thread thread = new Thread(future, "signal-files-fuzz");
    thread.setDaemon(true);
    thread.start();
    try {
      future.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AssertionError("the read did not end within " + DEADLINE_SECONDS + " s", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw (Error) e.getCause();
    }
  }
}
