/**
 * The seven built-in KPIs of chs.
 *
 * @since 0.1.0
 */
package dev.chs.kpis;
