package dev.chs.cli;

import dev.chs.cli.data.CsvParser;
import dev.chs.cli.data.DataFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs {@code chs} in-process, as the jar does, with standard output and error captured. */
final class Chs {
  private Chs() {}

  /** What one run printed, and its exit code. */
  record Run(int code, String out, String err) {
    List<String> errLines() {
      return Arrays.asList(err.split("\n", -1)).subList(0, err.split("\n", -1).length - 1);
    }

    String lastErrLine() {
      List<String> lines = errLines();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ChsCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Copies the bundled sample portfolio into a folder, and returns the folder. */
  static Path copySample(Path folder) throws IOException {
    for (DataFile file : DataFile.values()) {
      try (InputStream in =
          Chs.class.getResourceAsStream(DemoCommand.SAMPLE + "/" + file.fileName())) {
        Files.copy(in, folder.resolve(file.fileName()));
      }
    }
    return folder;
  }

  /** Parses CSV text into records of fields, the header first. */
  static List<List<String>> csv(String text) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (CsvParser parser = new CsvParser(new StringReader(text))) {
      while (parser.next()) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < parser.size(); i++) {
          fields.add(parser.get(i));
        }
        records.add(fields);
      }
    }
    return records;
  }

  static List<List<String>> csv(Path file) throws IOException {
    return csv(Files.readString(file));
  }
}
