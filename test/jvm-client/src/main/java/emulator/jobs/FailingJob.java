package emulator.jobs;

import org.apache.livy.Job;
import org.apache.livy.JobContext;

/** Scripted to throw. */
public class FailingJob implements Job<Long> {
  @Override
  public Long call(JobContext jc) {
    throw new UnsupportedOperationException("runs on the Spark driver, never here");
  }
}
