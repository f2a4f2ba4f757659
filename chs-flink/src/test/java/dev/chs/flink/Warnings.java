package dev.chs.flink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The messages that chs-flink logs at {@code WARNING} or above while it is open, as the mini
 * cluster's tasks log them in this JVM. Closing it stops the capture.
 */
final class Warnings implements AutoCloseable {
  private final Logger logger = Logger.getLogger("dev.chs.flink");
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        messages.add(record.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private Warnings() {}

  /** Starts capturing. */
  static Warnings capture() {
    Warnings warnings = new Warnings();
    warnings.logger.addHandler(warnings.handler);
    return warnings;
  }

  /** Returns the messages captured so far, in the order logged. */
  List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
