package dev.chs.cli.data;

import dev.chs.api.signal.Signal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What reading a data set found: the counts per file, and which signal sources were supplied.
 *
 * @param files the counts of each file that was present, by file name, in the order read
 * @param suppliedSources the signal types whose file was present with every required column,
 *     even if none of its rows could be used. A count KPI is a real zero only when its source was
 *     supplied.
 * @since 0.1.0
 */
public record DataSetSummary(
    Map<String, ReadCounts> files, Set<Class<? extends Signal>> suppliedSources) {
  /**
   * Creates a summary, keeping unmodifiable copies.
   *
   * @throws NullPointerException if an argument is null
   */
  public DataSetSummary {
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    suppliedSources = Set.copyOf(suppliedSources);
  }

  /**
   * Returns the counts over all files.
   *
   * @return the total; {@link ReadCounts#NONE} when no file was read
   */
  public ReadCounts total() {
    return files.values().stream().reduce(ReadCounts.NONE, ReadCounts::plus);
  }

  /**
   * Returns the line that ends standard error, such as {@code read 120000 rows: 119987 used, 13
   * rejected}.
   *
   * @return the summary line of the total
   */
  public String summaryLine() {
    return total().summaryLine();
  }

  /**
   * Tells whether the file of a signal type was supplied.
   *
   * @param type the signal type, such as {@code SupportCase.class}
   * @return true if its file was present with every required column
   */
  public boolean supplied(Class<? extends Signal> type) {
    return suppliedSources.contains(type);
  }
}
