/**
 * Customer Health Scores on Apache Spark: KPIs, scores, revenue at risk and the watchlist of whole
 * portfolios, with the same results as the in-process library.
 *
 * <p>{@link dev.chs.spark.SignalFrames} turns DataFrames with the canonical columns of the input
 * files into one signal frame; {@link dev.chs.spark.ChsSpark} computes KPIs, scores, the
 * watchlist and revenue at risk from it; {@link dev.chs.spark.ChsFunctions} registers the SQL
 * functions {@code chs_kpis}, {@code chs_score} and {@code chs_instant}; {@link
 * dev.chs.spark.ChsSparkJob} is a runnable job. {@code docs/spark.md} is the guide for data
 * teams.
 *
 * <p><strong>No module descriptor.</strong> This module has no {@code module-info.java}: Spark is
 * not modular, and its jars cannot even be automatic modules, since a name derived from {@code
 * spark-sql_2.13-4.2.0.jar} holds the segment {@code 2}, which is not a Java identifier, and the
 * jars declare no {@code Automatic-Module-Name}. A descriptor that {@code requires} Spark could
 * not be resolved, so chs-spark runs on the class path, as Spark applications do. The package
 * {@code dev.chs.spark.internal} is public only because Spark's encoders and executors must reach
 * its classes; it is not API.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.spark;

import org.jspecify.annotations.NullMarked;
