/**
 * Views built from scores: revenue at risk, the account watchlist and interventions.
 *
 * <p>The records of this package are immutable and safe to share between threads, and its static
 * factories keep no state. The one exception is {@link
 * dev.chs.core.portfolio.InterventionTracker}, the mutable state of one score key, which must be
 * confined to one thread at a time.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.core.portfolio;

import org.jspecify.annotations.NullMarked;
