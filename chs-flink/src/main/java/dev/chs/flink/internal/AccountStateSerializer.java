package dev.chs.flink.internal;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Serializes an {@link AccountState} in the form {@link StateLayout} documents. */
public final class AccountStateSerializer extends LayoutSerializer<AccountState> {
  private static final long serialVersionUID = 1L;

  /** The serializer; it is stateless. */
  public static final AccountStateSerializer INSTANCE = new AccountStateSerializer();

  @Override
  void write(AccountState value, DataOutputView out) throws IOException {
    StateLayout.writeAccount(value, out);
  }

  @Override
  AccountState read(DataInputView in) throws IOException {
    return StateLayout.readAccount(in);
  }

  @Override
  public AccountState createInstance() {
    return new AccountState();
  }

  @Override
  public AccountState copy(AccountState from) {
    return from.copy();
  }

  @Override
  public TypeSerializerSnapshot<AccountState> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot of {@link AccountStateSerializer}. */
  public static final class Snapshot extends LayoutSnapshot<AccountState> {
    /** Creates a snapshot of the current layout version; Flink also calls it to read one. */
    public Snapshot() {}

    @Override
    public TypeSerializer<AccountState> restoreSerializer() {
      return INSTANCE;
    }
  }
}
