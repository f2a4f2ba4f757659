/**
 * KPI discovery through {@link java.util.ServiceLoader}.
 *
 * @since 0.1.0
 */
package dev.chs.core.plugin;
