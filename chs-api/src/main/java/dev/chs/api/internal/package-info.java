/**
 * Internals of chs-api that chs-core and the engines share; not part of the API, and subject to
 * change in any release. The package is exported to every module, since chs-core may run from the
 * class path beside a chs-api module.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.api.internal;

import org.jspecify.annotations.NullMarked;
