/**
 * Contract tests that every chs KPI extends: {@link dev.chs.testkit.KpiContract} holds the laws of
 * the KPI service-provider interface as jqwik properties that a KPI's test inherits.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.testkit;

import org.jspecify.annotations.NullMarked;
