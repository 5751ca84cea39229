package io.aftercare.process;

import java.io.File;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Start-up time and the heap at idle after a full GC (issue 19, item 6), each start in a JVM of
 * its own as a node starts: the application on the {@code postgres} profile against a fresh
 * database (Flyway and Camunda create every table, processes and forms are deployed), then again
 * on the same database (the start of every later node or deployment). Spring Boot's own "Started
 * … in" figure is read from the log; the heap after {@code jcmd GC.run} at idle from
 * {@code jcmd GC.heap_info}. Not a test: {@code ./mvnw -q test-compile exec:java@startup-benchmark}.
 */
public final class StartupBenchmark {

  private static final Pattern STARTED = Pattern.compile("Started AftercareApplication in ([0-9.]+) seconds");

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    io.aftercare.support.BenchmarkDatabase db = io.aftercare.support.BenchmarkDatabase.of("aftercare_startup_bench").fresh();
    String heap = System.getProperty("benchmark.heap", "1g");
    String classpath = classpath();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    System.out.printf(Locale.ROOT, "%nStart-up on PostgreSQL, %d cores, -Xmx%s, a JVM per start%n",
        Runtime.getRuntime().availableProcessors(), heap);
    for (String round : new String[] {"empty database", "again, same database"}) {
      Path logFile = java.nio.file.Files.createTempFile("aftercare-startup", ".log");
      Process node = new ProcessBuilder(javaBin, "-Xmx" + heap, "-cp", classpath, "io.aftercare.AftercareApplication",
          "--spring.profiles.active=postgres", "--server.port=0", "--spring.datasource.url=" + db.url(),
          "--spring.datasource.username=" + db.user(), "--aftercare.admin.password=bench-admin")
          .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
      try {
        String seconds = null;
        for (int i = 0; i < 600 && seconds == null && node.isAlive(); i++) {
          Thread.sleep(500);
          Matcher started = STARTED.matcher(java.nio.file.Files.readString(logFile));
          if (started.find()) {
            seconds = started.group(1);
          }
        }
        if (seconds == null) {
          throw new IllegalStateException("The node did not start; its log: " + logFile);
        }
        Thread.sleep(10_000);
        run(jcmd, String.valueOf(node.pid()), "GC.run");
        Thread.sleep(1_000);
        String info = run(jcmd, String.valueOf(node.pid()), "GC.heap_info");
        Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
        String heapUsed = used.find() ? (Long.parseLong(used.group(2)) >> 10) + " MB used of "
            + (Long.parseLong(used.group(1)) >> 10) + " MB committed" : info.lines().findFirst().orElse("?");
        System.out.printf(Locale.ROOT, "%-22s started in %s s; idle after a full GC: heap %s%n", round, seconds, heapUsed);
      } finally {
        node.destroy();
        if (!node.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
          node.destroyForcibly().waitFor();
        }
      }
    }
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out;
  }

  /** The project's classpath as exec:java gives it (its class loader's), for the child JVMs. */
  private static String classpath() {
    List<String> entries = new ArrayList<>();
    for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
      if (loader instanceof URLClassLoader urls) {
        for (var url : urls.getURLs()) {
          entries.add(new File(url.getPath()).getPath());
        }
      }
    }
    return entries.stream().distinct().collect(Collectors.joining(File.pathSeparator));
  }
}
