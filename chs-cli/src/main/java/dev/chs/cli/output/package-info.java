/**
 * Writing tables of scores and watchlists, as CSV or as JSON lines.
 *
 * <p>A {@link dev.chs.cli.output.TableWriter} takes one row at a time, cell by cell, and knows
 * whether each cell is text, a number or empty; {@link dev.chs.cli.output.ScoreTable} and {@link
 * dev.chs.cli.output.WatchlistTable} decide the columns and fill them. Numbers are written as
 * {@link dev.chs.cli.output.NumberText} describes, the same in both formats.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.cli.output;

import org.jspecify.annotations.NullMarked;
