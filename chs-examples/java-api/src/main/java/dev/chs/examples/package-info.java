/**
 * A runnable example of the chs Java API: {@link dev.chs.examples.QuickStart} scores a few
 * accounts and prints their health, watchlist and interventions.
 */
@NullMarked
package dev.chs.examples;

import org.jspecify.annotations.NullMarked;
