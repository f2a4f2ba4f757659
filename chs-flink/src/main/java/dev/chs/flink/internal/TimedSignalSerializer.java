package dev.chs.flink.internal;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/** Serializes a {@link TimedSignal} in the form {@link StateLayout} documents. */
public final class TimedSignalSerializer extends LayoutSerializer<TimedSignal> {
  private static final long serialVersionUID = 1L;

  /** The serializer; it is stateless. */
  public static final TimedSignalSerializer INSTANCE = new TimedSignalSerializer();

  @Override
  void write(TimedSignal value, DataOutputView out) throws IOException {
    StateLayout.writeTimed(value, out);
  }

  @Override
  TimedSignal read(DataInputView in) throws IOException {
    return StateLayout.readTimed(in);
  }

  @Override
  public @Nullable TimedSignal createInstance() {
    return null;
  }

  @Override
  public TimedSignal copy(TimedSignal from) {
    return from; // immutable
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializerSnapshot<TimedSignal> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot of {@link TimedSignalSerializer}. */
  public static final class Snapshot extends LayoutSnapshot<TimedSignal> {
    /** Creates a snapshot of the current layout version; Flink also calls it to read one. */
    public Snapshot() {}

    @Override
    public TypeSerializer<TimedSignal> restoreSerializer() {
      return INSTANCE;
    }
  }
}
