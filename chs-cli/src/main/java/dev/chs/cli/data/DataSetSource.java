package dev.chs.cli.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where the files of a data set come from: a folder, or resources bundled in a jar.
 *
 * @since 0.1.0
 */
public interface DataSetSource {
  /**
   * Opens one file of the data set as strict UTF-8.
   *
   * @param fileName the file's name, such as {@code cases.csv}
   * @return a reader of the file, or null if the data set does not hold it
   * @throws IOException if the file exists but cannot be opened
   */
  @Nullable Reader open(String fileName) throws IOException;

  /**
   * Describes the data set for error messages.
   *
   * @return a folder path or a resource location
   */
  String describe();

  /**
   * Returns the data set in a folder.
   *
   * @param folder the folder
   * @return the source
   */
  static DataSetSource folder(Path folder) {
    return new DataSetSource() {
      @Override
      public @Nullable Reader open(String fileName) throws IOException {
        Path file = folder.resolve(fileName);
        return Files.isRegularFile(file) ? CsvParser.utf8(Files.newInputStream(file)) : null;
      }

      @Override
      public String describe() {
        return folder.toString();
      }
    };
  }

  /**
   * Returns a data set bundled as resources, such as the sample portfolio.
   *
   * @param anchor a class of the module that holds the resources
   * @param folder the absolute resource folder, such as {@code /dev/chs/cli/sample}
   * @return the source
   */
  static DataSetSource resources(Class<?> anchor, String folder) {
    return new DataSetSource() {
      @Override
      public @Nullable Reader open(String fileName) throws IOException {
        InputStream bytes = anchor.getResourceAsStream(folder + "/" + fileName);
        return bytes == null ? null : CsvParser.utf8(bytes);
      }

      @Override
      public String describe() {
        return "resources " + folder;
      }
    };
  }
}
