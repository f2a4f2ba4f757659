package dev.chs.flink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One Flink mini cluster for all the tests of this module, started on first use: each {@code
 * env.execute()} would start and stop a cluster of its own, which costs seconds a job.
 */
final class LocalCluster {
  private static MiniCluster cluster;

  private LocalCluster() {}

  /** Runs the job that {@code env} describes on the shared cluster, and waits for its end. */
  static synchronized JobExecutionResult execute(StreamExecutionEnvironment env)
      throws Exception {
    if (cluster == null) {
      cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
          .setConfiguration(new Configuration())
          .setNumTaskManagers(1)
          .setNumSlotsPerTaskManager(4)
          .build());
      cluster.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> cluster.closeAsync()));
    }
    return cluster.executeJobBlocking(env.getStreamGraph().getJobGraph());
  }
}
