/**
 * The numerical routines of the fitters: logistic regression, the additive logit, isotonic
 * regression, folds for cross-validation and CSV reading. Not API: it may change in any release.
 */
@NullMarked
package dev.chs.learn.internal;

import org.jspecify.annotations.NullMarked;
