/**
 * Live Customer Health Scores on Apache Flink: {@link dev.chs.flink.HealthScoring} turns a stream
 * of signals into score updates and intervention events that equal the batch library's answers.
 *
 * <p>The module has no {@code module-info.java}: Flink's jars are not modules and have no stable
 * automatic module names, and a Flink job runs on the class path anyway. Its package {@code
 * dev.chs.flink.internal} is not API.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.flink;

import org.jspecify.annotations.NullMarked;
