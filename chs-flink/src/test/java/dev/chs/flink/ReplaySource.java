package dev.chs.flink;

import dev.chs.api.signal.Signal;
import dev.chs.flink.internal.TimedSignal;
import dev.chs.flink.internal.TimedSignalSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * A bounded, checkpointable Flink {@code Source} that replays a list of signals in order. Signals
 * are not {@code Serializable}, so the list travels in the state layout's bytes.
 */
final class ReplaySource {
  private ReplaySource() {}

  static DataGeneratorSource<Signal> of(List<Signal> signals) {
    byte[][] encoded = new byte[signals.size()][];
    DataOutputSerializer out = new DataOutputSerializer(256);
    try {
      for (int i = 0; i < encoded.length; i++) {
        out.clear();
        TimedSignalSerializer.INSTANCE.serialize(new TimedSignal(0, signals.get(i)), out);
        encoded[i] = out.getCopyOfBuffer();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DataGeneratorSource<>(
        new Replay(encoded), encoded.length, TypeInformation.of(Signal.class));
  }

  private static final class Replay implements GeneratorFunction<Long, Signal> {
    private static final long serialVersionUID = 1L;
    private final byte[][] encoded;

    Replay(byte[][] encoded) {
      this.encoded = encoded;
    }

    @Override
    public Signal map(Long index) throws IOException {
      DataInputDeserializer in = new DataInputDeserializer(encoded[Math.toIntExact(index)]);
      return TimedSignalSerializer.INSTANCE.deserialize(in).signal();
    }
  }
}
