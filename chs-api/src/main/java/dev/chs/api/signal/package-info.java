/**
 * The signals that KPIs read, one record per input table: usage and sentiment samples, support
 * cases, complaints, work orders, contracts, metrics and renewal outcomes. Every record is
 * immutable and safe to share between threads.
 *
 * <p>A component that may be null, such as the closing instant of a case still open, is marked
 * {@link org.jspecify.annotations.Nullable} and says so in its Javadoc; no other is.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.api.signal;

import org.jspecify.annotations.NullMarked;
