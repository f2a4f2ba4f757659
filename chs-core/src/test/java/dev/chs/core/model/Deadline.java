package dev.chs.core.model;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a parse on a thread of its own and waits for it no longer than a deadline, so that a fuzzed
 * input that would loop forever fails its property instead of hanging the build. jqwik runs
 * properties outside JUnit Jupiter, so Jupiter's {@code @Timeout} does not apply to them.
 */
final class Deadline {
  private Deadline() {}

  /**
   * Returns what {@code task} returns, or throws what it throws: its exception as itself, and an
   * error such as a stack overflow as itself too.
   *
   * @throws AssertionError if the task has not ended after {@code seconds}; its thread is then
   *     interrupted and left to die with the test JVM, being a daemon
   */
  static <T> T within(long seconds, Callable<T> task) throws Exception {
    FutureTask<T> future = new FutureTask<>(task);
    Thread thread = new Thread(future, "fuzz-parse");
    thread.setDaemon(true);
    thread.start();
    try {
      return future.get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AssertionError("the parse did not end within " + seconds + " s", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw (Error) e.getCause();
    }
  }
}
