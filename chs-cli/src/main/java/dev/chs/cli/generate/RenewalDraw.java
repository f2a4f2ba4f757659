package dev.chs.cli.generate;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.RenewalOutcome.Outcome;
import java.time.Instant;

/**
 * One past renewal as the generator drew it, with the hidden health that drove the draw. The files
 * never show the health; this record lets tests check that outcomes follow it.
 *
 * @param account the account
 * @param cloud the cloud that came up for renewal
 * @param renewalDate when it fell due, at 00:00 UTC
 * @param health the cloud's hidden health in that week, in [0, 1]
 * @param outcome the outcome drawn
 * @since 0.1.0
 */
public record RenewalDraw(
    AccountId account, CloudId cloud, Instant renewalDate, double health, Outcome outcome) {}
