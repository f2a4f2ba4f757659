package dev.chs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Gives {@code --version} the project version that the build wrote into the jar. */
final class VersionProvider implements IVersionProvider {
  /**
   * Returns the version of chs.
   *
   * @return the version, such as {@code 0.1.0}, or {@code unknown} outside a built jar
   */
  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("version.properties: cannot be read", e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"chs " + version(), "Java " + Runtime.version()};
  }
}
