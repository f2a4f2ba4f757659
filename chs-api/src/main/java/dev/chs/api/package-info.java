/**
 * The values that chs reads and writes: the identities of accounts and clouds, the observation
 * window, health scores with their bands and contributions, and the argument checks that chs and
 * its plugins share. Every record is immutable and safe to share between threads.
 *
 * <p>Nothing in this package accepts or returns null unless its Javadoc says so and the type is
 * marked {@link org.jspecify.annotations.Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.api;

import org.jspecify.annotations.NullMarked;
