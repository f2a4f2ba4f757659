/**
 * Internals of chs-api that chs-core shares; not part of the API, and exported to no other module.
 *
 * @since 0.1.0
 */
package dev.chs.api.internal;
