/**
 * The operator behind {@link dev.chs.flink.HealthScoring}, its keyed state and that state's
 * serializers. Not API: it may change in any release, except that the bytes {@link
 * dev.chs.flink.internal.StateLayout} documents are read back as its version rules say.
 */
@NullMarked
package dev.chs.flink.internal;

import org.jspecify.annotations.NullMarked;
