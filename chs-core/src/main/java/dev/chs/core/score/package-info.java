/**
 * Scoring: from KPI values to health scores per cloud and per account, with their explanations.
 *
 * <p>{@link dev.chs.core.score.Scorer} scores one account at a time and explains every score;
 * {@link dev.chs.core.score.ColumnarScorer} scores columns of primitive values for batch jobs,
 * with the same results. Both are immutable and safe to share between threads, and so is every
 * record of this package.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.core.score;

import org.jspecify.annotations.NullMarked;
