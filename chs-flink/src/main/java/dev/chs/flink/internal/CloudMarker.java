package dev.chs.flink.internal;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Signal;

/**
 * A signal that no KPI reads, added when an account's accumulators are rebuilt so that a cloud
 * stays among the account's clouds after the signals that named it were evicted. The batch
 * library keeps such a cloud, since it sees every signal; so must the stream.
 *
 * @param account the account
 * @param cloud the cloud it names
 */
record CloudMarker(AccountId account, CloudId cloud) implements Signal {}
