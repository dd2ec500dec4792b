package emulator.jobs;

import org.apache.livy.Job;
import org.apache.livy.JobContext;

/** Would estimate pi on the cluster; the emulator answers with the scripted rule's value. */
public class PiJob implements Job<Double> {
  @Override
  public Double call(JobContext jc) {
    throw new UnsupportedOperationException("runs on the Spark driver, never here");
  }
}
