/**
 * The HTML report: one self-contained page with the scores, the views built from them and what
 * was read, its charts drawn as inline SVG.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.cli.report;

import org.jspecify.annotations.NullMarked;
