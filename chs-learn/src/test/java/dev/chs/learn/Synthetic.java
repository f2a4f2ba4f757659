package dev.chs.learn;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded snapshot data whose truth is known: renewal gets likelier with {@code usage}, less likely
 * with {@code tickets}, and {@code noise} does not matter.
 */
final class Synthetic {
  static final List<String> COLUMNS = List.of("usage", "tickets", "noise");

  private Synthetic() {}

  /** Returns {@code n} rows; {@code missingShare} of the usage values are not applicable. */
  static RenewalData data(int n, long seed, double missingShare) {
    SplittableRandom random = new SplittableRandom(seed);
    List<RenewalData.Renewal> rows = new ArrayList<>();
    double[][] values = new double[n][];
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    for (int r = 0; r < n; r++) {
      double usage = random.nextDouble();
      double tickets = Math.floor(random.nextDouble() * 8);
      double noise = random.nextDouble();
      double logit = 0.5 + 3 * (usage - 0.5) - 0.4 * (tickets - 3.5);
      boolean renewed = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      double shown = random.nextDouble() < missingShare ? Double.NaN : usage;
      values[r] = new double[] {shown, tickets, noise};
      rows.add(new RenewalData.Renewal(AccountId.of(String.format("S-%05d", r)),
          CloudId.ACCOUNT_WIDE, start.plusSeconds(86_400L * (r % 365)), renewed));
    }
    return RenewalData.of("synthetic", COLUMNS, Map.<String, Direction>of(), rows, values);
  }
}
