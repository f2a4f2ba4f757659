/**
 * Reading data sets: a streaming CSV parser, the reader that turns the files of a data-set folder
 * into signals, and the writer of {@code rejects.csv}.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.cli.data;

import org.jspecify.annotations.NullMarked;
