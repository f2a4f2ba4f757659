/**
 * Views built from scores: revenue at risk, the account watchlist and interventions.
 *
 * @since 0.1.0
 */
package dev.chs.core.portfolio;
