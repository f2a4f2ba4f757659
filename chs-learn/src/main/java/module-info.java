/**
 * Renewal prediction for chs: fits a health model's weights, curves and calibration to past
 * renewals, and back-tests it against peers.
 *
 * <p>See {@link dev.chs.learn.RenewalFitter} and {@link dev.chs.learn.Backtest}.
 *
 * @since 0.1.0
 */
module dev.chs.learn {
  requires static transitive org.jspecify;
  requires transitive dev.chs.core;
  requires dev.chs.kpis;
  requires com.fasterxml.jackson.databind;

  exports dev.chs.learn;
}
