package emulator.jobs;

import java.util.List;
import org.apache.livy.Job;
import org.apache.livy.JobContext;

/** Returns a list; scripted with a list of mixed values. */
public class WordsJob implements Job<List<Object>> {
  @Override
  public List<Object> call(JobContext jc) {
    throw new UnsupportedOperationException("runs on the Spark driver, never here");
  }
}
