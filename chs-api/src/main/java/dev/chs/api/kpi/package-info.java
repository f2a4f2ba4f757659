/**
 * The KPI service-provider interface: {@link dev.chs.api.kpi.Kpi}, its mergeable
 * {@link dev.chs.api.kpi.KpiAccumulator}, the values and results it produces, its scoring curves,
 * and the exact sums and serialized header that accumulators build on.
 *
 * <p>Nothing in this package accepts or returns null unless its Javadoc says so and the type is
 * marked {@link org.jspecify.annotations.Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.api.kpi;

import org.jspecify.annotations.NullMarked;
