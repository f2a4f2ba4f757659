package dev.chs.api.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.Window;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KpiStateTest {
  private static final Window WINDOW =
      new Window(Instant.parse("2026-06-30T12:00:00.5Z"), Duration.ofDays(90));

  @Test
  void readsBackTheWindowItWrote() throws IOException {
    assertThat(KpiState.readHeader(input(header("sentiment", 1, WINDOW)), "sentiment", 1))
        .isEqualTo(WINDOW);
  }

  @Test
  void namesTheKpiItExpectedAndTheOneItFound() throws IOException {
    byte[] bytes = header("sentiment", 1, WINDOW);
    assertThatThrownBy(() -> KpiState.readHeader(input(bytes), "complaints_raised", 1))
        .isInstanceOf(IOException.class)
        .hasMessage("accumulator state: expected KPI 'complaints_raised', found 'sentiment'");
  }

  @Test
  void namesTheVersionItExpectedAndTheOneItFound() throws IOException {
    byte[] bytes = header("sentiment", 2, WINDOW);
    assertThatThrownBy(() -> KpiState.readHeader(input(bytes), "sentiment", 1))
        .isInstanceOf(IOException.class)
        .hasMessage("accumulator state of 'sentiment': expected version 1, found version 2");
  }

  @Test
  void readsAnyVersionInARange_andSaysWhichItFound() throws IOException {
    assertThat(KpiState.readHeader(input(header("sentiment", 1, WINDOW)), "sentiment", 1, 2))
        .isEqualTo(new KpiState.Header(1, WINDOW));
    assertThat(KpiState.readHeader(input(header("sentiment", 2, WINDOW)), "sentiment", 1, 2))
        .isEqualTo(new KpiState.Header(2, WINDOW));

    byte[] tooNew = header("sentiment", 3, WINDOW);
    assertThatThrownBy(() -> KpiState.readHeader(input(tooNew), "sentiment", 1, 2))
        .isInstanceOf(IOException.class)
        .hasMessage("accumulator state of 'sentiment': expected version 1 to 2, found version 3");
    assertThatThrownBy(() -> KpiState.readHeader(input(tooNew), "sentiment", 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("newest: must be >= oldest (2), was 1");
  }

  @Test
  void flagsAnImpossibleWindowAsPossibleCorruption() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeUTF("sentiment");
    out.writeByte(1);
    out.writeLong(0);
    out.writeInt(0);
    out.writeLong(-5);
    out.writeInt(0);
    assertThatThrownBy(() -> KpiState.readHeader(input(bytes.toByteArray()), "sentiment", 1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("possible corruption");
  }

  @Test
  void refusesToMergeAccumulatorsOfDifferentWindows() {
    assertThatThrownBy(() -> KpiState.requireSameWindow("sentiment", WINDOW, WINDOW.earlier(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("merge of 'sentiment': other accumulator's window must be");
  }

  private static byte[] header(String id, int version, Window window) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    KpiState.writeHeader(new DataOutputStream(bytes), id, version, window);
    return bytes.toByteArray();
  }

  private static DataInputStream input(byte[] bytes) {
    return new DataInputStream(new ByteArrayInputStream(bytes));
  }
}
