/**
 * KPI discovery through {@link java.util.ServiceLoader}.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.core.plugin;

import org.jspecify.annotations.NullMarked;
