package dev.chs.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A two-phase-commit sink for tests. The writer buffers lines; at each checkpoint it hands them
 * over as one batch with a fresh id, which Flink keeps in the checkpoint; once the checkpoint is
 * complete, the committer commits the batch to a store in this JVM. A batch committed again after
 * a recovery keeps its id and is committed once. Lines written after the last completed
 * checkpoint before a failure are never committed: the restored job writes them again.
 *
 * <p>So the <em>committed output</em> is {@link #committed}: every line of every committed
 * batch.
 */
final class CommittingSink implements Sink<String>, SupportsCommitter<CommittingSink.Batch> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Map<String, List<String>>> STORES = new ConcurrentHashMap<>();

  private final String name;

  private CommittingSink(String name) {
    this.name = name;
  }

  static CommittingSink named(String name) {
    STORES.put(name, new ConcurrentHashMap<>());
    return new CommittingSink(name);
  }

  /** Returns the committed lines, batch after batch. */
  List<String> committed() {
    List<String> lines = new ArrayList<>();
    STORES.get(name).values().forEach(lines::addAll);
    return lines;
  }

  /** A batch of lines handed over at one checkpoint. */
  record Batch(String id, List<String> lines) {}

  @Override
  public CommittingSinkWriter<String, Batch> createWriter(WriterInitContext context) {
    return new CommittingSinkWriter<>() {
      private final List<String> pending = new ArrayList<>();

      @Override
      public void write(String line, Context context) {
        pending.add(line);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public Collection<Batch> prepareCommit() {
        if (pending.isEmpty()) {
          return List.of();
        }
        Batch batch = new Batch(UUID.randomUUID().toString(), List.copyOf(pending));
        pending.clear();
        return List.of(batch);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public Committer<Batch> createCommitter(CommitterInitContext context) {
    Map<String, List<String>> store = STORES.get(name);
    return new Committer<>() {
      @Override
      public void commit(Collection<CommitRequest<Batch>> requests) {
        for (CommitRequest<Batch> request : requests) {
          store.putIfAbsent(request.getCommittable().id(), request.getCommittable().lines());
        }
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public SimpleVersionedSerializer<Batch> getCommittableSerializer() {
    return new BatchSerializer();
  }

  private static final class BatchSerializer implements SimpleVersionedSerializer<Batch> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Batch batch) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(batch.id());
        out.writeInt(batch.lines().size());
        for (String line : batch.lines()) {
          out.writeUTF(line);
        }
      }
      return bytes.toByteArray();
    }

    @Override
    public Batch deserialize(int version, byte[] serialized) throws IOException {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
        String id = in.readUTF();
        int n = in.readInt();
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          lines.add(in.readUTF());
        }
        return new Batch(id, lines);
      }
    }
  }
}
