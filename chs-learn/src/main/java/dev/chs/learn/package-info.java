/**
 * Renewal prediction: fit a health model's weights, curves and calibration to past renewals
 * ({@link dev.chs.learn.RenewalFitter}), and back-test it against peers ({@link
 * dev.chs.learn.Backtest}).
 *
 * <p>A command runs in a few lines:
 *
 * <pre>{@code
 * RenewalData data = RenewalData.read(dir, KpiRegistry.discover(), null, RenewalData.DEFAULT_LEAD);
 * FittedModel fitted = RenewalFitter.fit(data, FitOptions.DEFAULT);
 * String yaml = ModelFile.write(fitted.model(), ModelFile.Format.YAML);
 * BacktestReport report = Backtest.crossValidate(data, 5, 7, FitOptions.DEFAULT);
 * System.out.print(report.toTable());   // or report.toJson()
 * }</pre>
 *
 * @since 0.1.0
 */
@NullMarked
package dev.chs.learn;

import org.jspecify.annotations.NullMarked;
