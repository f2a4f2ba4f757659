package dev.chs.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of the built-in accumulators' serialized forms, in {@code
 * src/test/resources/golden/<id>.v<version>.bin}.
 *
 * <p>The tests compare what an accumulator writes with the checked-in file of its current version,
 * and read the file back. The files of older versions stay: a KPI must still read them. After a deliberate change of a form (which raises its version), regenerate the files
 * with:
 *
 * <pre>
 * mvn -o -q -pl chs-kpis -am verify -Dchs.golden.regenerate=true
 * </pre>
 *
 * <p>Without that property, which no build sets, a missing or different file fails the test.
 */
final class GoldenFiles {
  /** The system property that makes the tests write the golden files instead of checking them. */
  static final String REGENERATE = "chs.golden.regenerate";

  private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

  private GoldenFiles() {}

  /**
   * Checks that {@code accumulator} writes the bytes of the KPI's golden file, and returns the
   * accumulator read back from that file.
   */
  static <A extends KpiAccumulator<A>> A check(Kpi<A> kpi, int version, A accumulator)
      throws IOException {
    Path file = DIRECTORY.resolve(kpi.id() + ".v" + version + ".bin");
    byte[] written = bytesOf(accumulator);
    if (Boolean.getBoolean(REGENERATE)) {
      Files.createDirectories(DIRECTORY);
      Files.write(file, written);
    }

    assertThat(file).as("golden file; see GoldenFiles to regenerate it").exists();
    byte[] golden = Files.readAllBytes(file);
    assertThat(written).as("state written against %s", file).isEqualTo(golden);

    ByteArrayInputStream in = new ByteArrayInputStream(golden);
    A read = kpi.readAccumulator(new DataInputStream(in));
    assertThat(in.available()).as("bytes of %s left unread", file).isZero();
    return read;
  }

  /**
   * Reads the KPI's golden file of an older version, which the KPI must still read though it no
   * longer writes it.
   */
  static <A extends KpiAccumulator<A>> A read(Kpi<A> kpi, int version) throws IOException {
    Path file = DIRECTORY.resolve(kpi.id() + ".v" + version + ".bin");
    assertThat(file).as("golden file of an older version").exists();
    ByteArrayInputStream in = new ByteArrayInputStream(Files.readAllBytes(file));
    A read = kpi.readAccumulator(new DataInputStream(in));
    assertThat(in.available()).as("bytes of %s left unread", file).isZero();
    return read;
  }

  static byte[] bytesOf(KpiAccumulator<?> accumulator) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      accumulator.writeTo(out);
    }
    return bytes.toByteArray();
  }
}
