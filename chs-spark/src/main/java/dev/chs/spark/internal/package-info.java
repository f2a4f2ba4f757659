/**
 * The machinery of chs-spark: the typed aggregator and its buffer, the conversions between rows
 * and the library's values, and the functions that run on executors. Not API: it may change in
 * any release.
 */
@NullMarked
package dev.chs.spark.internal;

import org.jspecify.annotations.NullMarked;
