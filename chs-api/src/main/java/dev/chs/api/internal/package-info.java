/**
 * Internals of chs-api that chs-core shares; not part of the API, and exported to no other module.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.api.internal;

import org.jspecify.annotations.NullMarked;
