package dev.chs.cli.generate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link PortfolioGenerator} wrote.
 *
 * @param folder the data-set folder
 * @param rows the data rows written to each file, not counting headers, by file name
 * @since 0.1.0
 */
public record GeneratedPortfolio(Path folder, Map<String, Long> rows) {
  /** Creates the summary, keeping an unmodifiable copy of the counts. */
  public GeneratedPortfolio {
    rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }

  /**
   * Returns the data rows written over all files.
   *
   * @return the total, not counting headers
   */
  public long totalRows() {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }
}
