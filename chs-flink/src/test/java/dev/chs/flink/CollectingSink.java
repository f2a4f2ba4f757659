package dev.chs.flink;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that adds every record to a list in this JVM, named so that tests keep theirs apart.
 * It is not transactional: after a restart it would hold records twice.
 *
 * @param <T> the record type
 */
final class CollectingSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, List<Object>> LISTS = new ConcurrentHashMap<>();

  private final String name;

  private CollectingSink(String name) {
    this.name = name;
  }

  static <T> CollectingSink<T> named(String name) {
    LISTS.put(name, new CopyOnWriteArrayList<>());
    return new CollectingSink<>(name);
  }

  @SuppressWarnings("unchecked")
  List<T> records() {
    return (List<T>) (List<?>) List.copyOf(LISTS.get(name));
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    List<Object> list = LISTS.get(name);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context context) {
        list.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
