/**
 * The generator of synthetic portfolios: the bundled sample, and large data sets for benchmarks.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.cli.generate;

import org.jspecify.annotations.NullMarked;
