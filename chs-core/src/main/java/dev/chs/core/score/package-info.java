/**
 * Scoring: from KPI values to health scores per cloud and per account, with their explanations.
 *
 * @since 0.1.0
 */
package dev.chs.core.score;
