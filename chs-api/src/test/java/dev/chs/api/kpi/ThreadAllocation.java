package dev.chs.api.kpi;

import java.lang.reflect.Method;

/**
 * The bytes the current thread has allocated, from HotSpot's counter. chs-api reads no
 * java.management, so the counter is reached by reflection.
 */
final class ThreadAllocation {
  private final Object threads;
  private final Method allocatedBytes;

  ThreadAllocation() throws ReflectiveOperationException {
    threads = Class.forName("java.lang.management.ManagementFactory")
        .getMethod("getThreadMXBean").invoke(null);
    allocatedBytes = Class.forName("com.sun.management.ThreadMXBean")
        .getMethod("getCurrentThreadAllocatedBytes");
  }

  /** Returns how many bytes the current thread has allocated so far. */
  long bytes() throws ReflectiveOperationException {
    return (long) allocatedBytes.invoke(threads);
  }
}
