/**
 * Contract tests that every chs KPI extends.
 *
 * @since 0.1.0
 */
package dev.chs.testkit;
