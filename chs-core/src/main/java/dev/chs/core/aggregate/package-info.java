/**
 * Signal aggregation: signals routed to the accumulators of every KPI of a model, per account and
 * cloud.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.core.aggregate;

import org.jspecify.annotations.NullMarked;
