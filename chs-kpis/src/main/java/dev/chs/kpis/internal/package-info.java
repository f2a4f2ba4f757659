/**
 * The machinery shared by the built-in KPIs: the mean and two-count accumulators, the serialized
 * state of a mean, the checks of serialized fields, and window arithmetic. Not API: it may change
 * in any release.
 */
@NullMarked
package dev.chs.kpis.internal;

import org.jspecify.annotations.NullMarked;
