/**
 * The generator of synthetic portfolios: the bundled sample, and large data sets for benchmarks.
 *
 * @since 0.1.0
 */
package dev.chs.cli.generate;
