package dev.chs.api.signal;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import java.time.Instant;

/**
 * A sentiment sample, a row of {@code sentiment.csv}: from a survey, a call transcript or an email.
 *
 * @param account the account observed
 * @param cloud the cloud observed, or {@link CloudId#ACCOUNT_WIDE}
 * @param observedAt when the sentiment was observed
 * @param score the sentiment, from -1 (most negative) to 1 (most positive)
 * @since 0.1.0
 */
public record SentimentSample(AccountId account, CloudId cloud, Instant observedAt, double score)
    implements Signal {
  /**
   * Creates a sentiment sample.
   *
   * @throws IllegalArgumentException if the score is NaN or outside [-1, 1]
   * @throws NullPointerException if the account, cloud or instant is null
   */
  public SentimentSample {
    Checks.requireNonNull("account_id", account);
    Checks.requireNonNull("cloud", cloud);
    Checks.requireNonNull("observed_at", observedAt);
    Checks.requireInRange("score", score, -1, 1);
  }

  /**
   * Returns {@link #observedAt()}: when the sentiment was observed.
   *
   * @return the instant
   */
  @Override
  public Instant occurredAt() {
    return observedAt;
  }
}
