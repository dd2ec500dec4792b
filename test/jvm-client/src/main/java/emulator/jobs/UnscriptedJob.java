package emulator.jobs;

import org.apache.livy.Job;
import org.apache.livy.JobContext;

/** No rule matches it: the emulator's default, a null result. */
public class UnscriptedJob implements Job<String> {
  @Override
  public String call(JobContext jc) {
    throw new UnsupportedOperationException("runs on the Spark driver, never here");
  }
}
