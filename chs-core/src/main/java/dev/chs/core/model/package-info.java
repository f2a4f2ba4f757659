/**
 * The health model: weighted KPIs, curves, bands, roll-up and the policies of the views, built in
 * code or read from YAML or JSON.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.core.model;

import org.jspecify.annotations.NullMarked;
