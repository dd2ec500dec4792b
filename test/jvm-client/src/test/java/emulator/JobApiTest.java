package emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import emulator.jobs.FailingJob;
import emulator.jobs.PiJob;
import emulator.jobs.UnscriptedJob;
import emulator.jobs.WordsJob;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.livy.LivyClient;
import org.apache.livy.LivyClientBuilder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Apache Livy's Java client against the emulator (started with --profile apache-0.7 by
 * test/jvm-client/jvm-client.test.ts). The job classes are packed into a jar and uploaded as
 * any client does; the emulator never runs them: the outcome rules posted here decide.
 */
public class JobApiTest {
  private static final String URL = System.getProperty("livy.url");
  private static LivyClient client;

  @BeforeClass
  public static void connect() throws Exception {
    if (URL == null || URL.isEmpty()) fail("-Dlivy.url=<emulator URL> is required");
    client = new LivyClientBuilder().setURI(new URI(URL)).build();
    client.uploadJar(jobsJar()).get(60, TimeUnit.SECONDS);
    rule("{\"job\":\"emulator.jobs.PiJob\",\"result\":3.14159}");
    rule("{\"job\":{\"contains\":\"WordsJob\"},\"result\":[\"pi\",42,{\"long\":\"9000000000\"},true,null]}");
    rule("{\"job\":\"emulator.jobs.FailingJob\","
        + "\"exception\":{\"class\":\"java.lang.IllegalStateException\",\"message\":\"no pi today\"}}");
  }

  @AfterClass
  public static void stop() {
    if (client != null) client.stop(true);
  }

  @Test
  public void aJobWithARuleReturnsTheRulesValue() throws Exception {
    Double pi = client.submit(new PiJob()).get(60, TimeUnit.SECONDS);
    assertEquals(3.14159, pi, 0.0);
  }

  @Test
  public void aListResultKeepsEachElementsJavaType() throws Exception {
    List<Object> words = client.submit(new WordsJob()).get(60, TimeUnit.SECONDS);
    assertEquals(Arrays.asList("pi", 42, 9000000000L, true, null), words);
  }

  @Test
  public void aJobWithoutARuleReturnsNull() throws Exception {
    assertNull(client.submit(new UnscriptedJob()).get(60, TimeUnit.SECONDS));
  }

  @Test
  public void runRunsAJobToo() throws Exception {
    assertEquals(3.14159, client.run(new PiJob()).get(60, TimeUnit.SECONDS), 0.0);
  }

  @Test
  public void aFailingJobThrowsTheJobsExceptionAsLivyReportsIt() throws Exception {
    try {
      client.submit(new FailingJob()).get(60, TimeUnit.SECONDS);
      fail("the job should have failed");
    } catch (ExecutionException e) {
      String message = e.getCause().getMessage();
      assertTrue(message, message.startsWith("java.lang.IllegalStateException: no pi today\n"));
      assertTrue(message, message.contains("\tat emulator.jobs.FailingJob.call(FailingJob.java)\n"));
    }
  }

  /** The compiled job classes as a jar, the way an application ships its jobs. */
  private static File jobsJar() throws IOException {
    Path classes = Paths.get("target", "classes");
    File jar = File.createTempFile("emulator-jobs", ".jar");
    jar.deleteOnExit();
    try (JarOutputStream out = new JarOutputStream(new FileOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** Scripts a job outcome through the emulator's control API. */
  private static void rule(String json) throws Exception {
    HttpResponse<String> res = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(URL + "/__emulator/outcomes"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(res.body(), 201, res.statusCode());
  }
}
