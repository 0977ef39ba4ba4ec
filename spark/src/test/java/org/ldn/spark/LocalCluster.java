package org.ldn.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on this machine, for tests: a Master and {@code n} Workers, each a separate JVM
 * started from the Spark artifacts on the test class path ({@code org.apache.spark.deploy.master.Master},
 * {@code org.apache.spark.deploy.worker.Worker}), listening on 127.0.0.1 only, each Worker with one core. The
 * Workers launch executor JVMs with the test class path ({@code spark.executor.extraClassPath}, as
 * {@link #driverProperties} sets), so the engine's classes need no jar. {@link #close} kills every process it
 * started and their children.
 */
final class LocalCluster implements AutoCloseable {
    private final Path dir;
    private final String classPath;
    private final List<String> jvmOptions;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final int masterPort;
    private final int masterUi;

    private LocalCluster(Path dir) throws IOException {
        this.dir = dir;
        this.classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // the --add-opens options Spark needs on Java 17, as this JVM was given them
        this.jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                        || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                .toList();
        this.masterPort = freePort();
        this.masterUi = freePort();
        // a Spark home for the Workers' launcher: a release marker and an empty jars folder (Spark's classes come
        // with the class path)
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark (test cluster)\n");
    }

    /** Starts a Master and {@code workers} Workers of one core and {@code memory} (e.g. "1g") each. */
    static LocalCluster start(Path dir, int workers, String memory, Duration timeout) throws Exception {
        LocalCluster c = new LocalCluster(dir);
        try {
            c.processes.add(c.launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", "" + c.masterPort, "--webui-port", "" + c.masterUi));
            for (int w = 0; w < workers; w++) {
                Path work = Files.createDirectories(dir.resolve("worker" + w));
                Process p = c.launch("worker" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--port", "" + freePort(), "--webui-port", "" + freePort(), "--cores", "1", "--memory",
                        memory, "--work-dir", work.toString(), c.url());
                c.processes.add(p);
                c.workers.add(p);
            }
            c.awaitWorkers(workers, timeout);
            return c;
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    String url() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** What a driver in this JVM needs to use the cluster: loopback addresses and the executors' class path. */
    Map<String, String> driverProperties() {
        return driverProperties("512m");
    }

    /** As {@link #driverProperties()} with executors of {@code executorMemory} (e.g. "1536m"). */
    Map<String, String> driverProperties(String executorMemory) {
        return Map.of("spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1",
                "spark.ui.enabled", "false", "spark.executor.extraClassPath", classPath,
                "spark.executor.extraJavaOptions", String.join(" ", jvmOptions), "spark.executor.memory", executorMemory,
                "spark.executor.cores", "1");
    }

    /** Kills worker {@code w} and its executors at once (no clean shutdown), as a machine that fails. */
    void killWorker(int w) {
        Process p = workers.get(w);
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /**
     * CPU time (user and system, seconds) used so far by the processes the Workers launched (the executors of the
     * running application; read it before the application ends, when they exit).
     */
    double executorCpuSeconds() {
        double s = 0;
        for (Process w : workers) {
            for (ProcessHandle h : w.descendants().toList()) {
                s += h.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
            }
        }
        return s;
    }

    /** Alive workers, from the master's JSON status page. */
    int aliveWorkers() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        String body = http.send(r, HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private void awaitWorkers(int n, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a cluster process ended (exit " + p.exitValue() + "); logs in "
                            + dir);
                }
            }
            try {
                if (aliveWorkers() >= n) {
                    return;
                }
            } catch (IOException e) {
                // the master is not up yet
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(n + " workers did not register within " + timeout + "; logs in " + dir);
            }
            Thread.sleep(250);
        }
    }

    private Process launch(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", dir.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
        env.put("SPARK_NO_DAEMONIZE", "1");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
