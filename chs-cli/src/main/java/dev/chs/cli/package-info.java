/**
 * The {@code chs} command line: the picocli commands, their shared options, and the runs that read
 * a data set, score it and print the results. Not API: the commands and their output are the
 * interface, and these classes may change in any release.
 */
@NullMarked
package dev.chs.cli;

import org.jspecify.annotations.NullMarked;
