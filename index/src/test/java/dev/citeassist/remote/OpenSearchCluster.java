package dev.citeassist.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real OpenSearch cluster on loopback for tests: {@code n} nodes of the integ-test distribution
 * that Maven resolves ({@code citeassist.opensearch.zip}), started in parallel with 256 MB heaps,
 * free ports, and config, data and logs in a temporary folder deleted on {@link #close()}.
 * OpenSearch refuses to run as root, so when the tests run as root the nodes run as the
 * unprivileged user {@value #USER} (created with {@code useradd} if missing; {@code .ci/run}
 * creates it too). {@link #unavailable()} says why a cluster cannot run here (the tests then skip
 * with that reason). Not thread-safe.
 */
final class OpenSearchCluster implements AutoCloseable {

  static final String USER = "citeassist-os";

  /** A loaded machine starts a node in a minute or two; never a fixed sleep, a deadline. */
  private static final Duration READY = Duration.ofMinutes(5);

  private final Path root;
  private final List<Node> nodes = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One node: its process (the JVM itself: the launcher execs it), ports and folder. */
  record Node(String name, int httpPort, int transportPort, Path dir, Process process) {
    URI uri() {
      return URI.create("http://127.0.0.1:" + httpPort);
    }
  }

  private OpenSearchCluster(Path root) {
    this.root = root;
  }

  /** Why no cluster can run here, or null when one can. */
  static String unavailable() {
    String zip = System.getProperty("citeassist.opensearch.zip");
    if (zip == null
        || zip.isBlank()
        || zip.startsWith("${")
        || !Files.isRegularFile(Path.of(zip))) {
      return "the OpenSearch distribution zip was not resolved by Maven (citeassist.opensearch.zip="
          + zip
          + ")";
    }
    if (Runtime.version().feature() < 21) {
      return "OpenSearch 3 needs Java 21+, the tests run on " + Runtime.version();
    }
    if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
      return "the cluster fixture starts nodes with the Linux launcher only";
    }
    if (root() && !Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
      return "running as root without setpriv to start the nodes as " + USER;
    }
    return null;
  }

  /** Starts {@code count} nodes of 256 MB heap and waits until they form one cluster. */
  static OpenSearchCluster start(int count) throws IOException, InterruptedException {
    return start(count, 256);
  }

  /** Starts {@code count} nodes of {@code heapMb} heap and waits until they form one cluster. */
  static OpenSearchCluster start(int count, int heapMb) throws IOException, InterruptedException {
    Path home = distribution();
    Path root = Files.createTempDirectory("citeassist-opensearch-");
    OpenSearchCluster cluster = new OpenSearchCluster(root);
    try {
      if (root()) {
        ensureUser();
      }
      int[] httpPorts = new int[count];
      int[] transportPorts = new int[count];
      for (int i = 0; i < count; i++) {
        httpPorts[i] = freePort();
        transportPorts[i] = freePort();
      }
      String seeds =
          java.util.Arrays.stream(transportPorts)
              .mapToObj(p -> "\"127.0.0.1:" + p + "\"")
              .collect(Collectors.joining(", "));
      String managers =
          java.util.stream.IntStream.range(0, count)
              .mapToObj(i -> "\"n" + i + "\"")
              .collect(Collectors.joining(", "));
      String clusterName = "citeassist-test-" + ProcessHandle.current().pid();
      for (int i = 0; i < count; i++) {
        Path dir = root.resolve("n" + i);
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.copy(home.resolve("config/log4j2.properties"), config.resolve("log4j2.properties"));
        Files.writeString(
            config.resolve("opensearch.yml"),
            String.join(
                "\n",
                "cluster.name: " + clusterName,
                "node.name: n" + i,
                "network.host: 127.0.0.1",
                "http.port: " + httpPorts[i],
                "transport.port: " + transportPorts[i],
                "discovery.seed_hosts: [" + seeds + "]",
                "cluster.initial_cluster_manager_nodes: [" + managers + "]",
                "path.data: " + dir.resolve("data"),
                "path.logs: " + dir.resolve("logs"),
                // a shared test machine's disk may be fuller than the watermarks allow
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "node.processors: 1",
                ""));
        // the distribution's options less its GC log and heap dumps (relative paths in its home)
        Files.writeString(
            config.resolve("jvm.options"),
            String.join(
                "\n",
                "-Xms" + heapMb + "m",
                "-Xmx" + heapMb + "m",
                "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=${OPENSEARCH_TMPDIR}",
                "-XX:ErrorFile=" + dir.resolve("logs/hs_err_pid%p.log"),
                "20-:--add-modules=jdk.incubator.vector",
                "21-:-javaagent:agent/opensearch-agent.jar",
                "21-:--add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED",
                "-Dorg.apache.lucene.store.MMapDirectory.sharedArenaMaxPermits=1",
                ""));
      }
      if (root()) {
        run("chown", "-R", USER + ":" + USER, root.toString());
      }
      for (int i = 0; i < count; i++) {
        cluster.nodes.add(
            launch(home, root.resolve("n" + i), "n" + i, httpPorts[i], transportPorts[i]));
      }
      cluster.awaitNodes(count);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  List<Node> nodes() {
    return nodes;
  }

  /** Every node's address, for a client that may fail over. */
  String url(String alias) {
    return nodes.stream().map(n -> n.uri() + "/" + alias).collect(Collectors.joining(","));
  }

  /** Kills a node at once (SIGKILL), as a crash would. */
  void kill(Node node) throws InterruptedException {
    node.process().destroyForcibly();
    node.process().waitFor(60, TimeUnit.SECONDS);
  }

  /** Polls the cluster through a living node until it has {@code count} nodes. */
  void awaitNodes(int count) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Node n : nodes) {
        if (!n.process().isAlive()) {
          if (nodes.indexOf(n) >= 0 && n.process().exitValue() != 137) {
            throw new IllegalStateException(
                n.name() + " exited with " + n.process().exitValue() + ":\n" + tail(n));
          }
          continue;
        }
        try {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(
                          n.uri()
                              .resolve("/_cluster/health?wait_for_nodes=" + count + "&timeout=10s"))
                      .timeout(Duration.ofSeconds(20))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          last = r.body();
          if (r.statusCode() == 200) {
            return;
          }
        } catch (IOException e) {
          last = e.toString();
        }
        break;
      }
      Thread.sleep(500); // polling interval, not a wait for a state
    }
    throw new IllegalStateException(
        "the cluster did not form within " + READY + ": " + last + "\n" + tail(nodes.get(0)));
  }

  /** The end of a node's output, for a failure message. */
  static String tail(Node n) {
    try {
      List<String> lines = Files.readAllLines(n.dir().resolve("stdout.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  @Override
  public void close() {
    for (Node n : nodes) {
      n.process().destroy();
    }
    for (Node n : nodes) {
      try {
        if (!n.process().waitFor(30, TimeUnit.SECONDS)) {
          n.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    http.close();
    deleteTree(root);
  }

  private static Node launch(Path home, Path dir, String name, int httpPort, int transportPort)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (root()) {
      command.addAll(
          List.of("/usr/bin/setpriv", "--reuid=" + USER, "--regid=" + USER, "--clear-groups"));
    }
    command.add(home.resolve("bin/opensearch").toString());
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("JAVA_HOME");
    pb.environment().remove("OPENSEARCH_JAVA_OPTS");
    pb.environment().put("OPENSEARCH_PATH_CONF", dir.resolve("config").toString());
    pb.environment().put("OPENSEARCH_TMPDIR", dir.resolve("tmp").toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("stdout.log").toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return new Node(name, httpPort, transportPort, dir, pb.start());
  }

  /**
   * The unpacked distribution, shared by test runs in the system's temporary folder (readable by
   * the unprivileged user, unlike a build folder under root's home); unpacked once, atomically.
   */
  private static Path distribution() throws IOException {
    Path zip = Path.of(System.getProperty("citeassist.opensearch.zip"));
    String version = System.getProperty("citeassist.opensearch.version", "unknown");
    Path base = Path.of(System.getProperty("java.io.tmpdir"));
    Path home = base.resolve("citeassist-opensearch-" + version + "-" + Files.size(zip));
    if (Files.isRegularFile(home.resolve(".complete"))) {
      return home;
    }
    Path unpacking = Files.createTempDirectory(base, "citeassist-opensearch-unpacking-");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        // entries are "opensearch-3.3.2/…": drop the top folder
        String name = e.getName();
        int slash = name.indexOf('/');
        String inside = slash < 0 ? "" : name.substring(slash + 1);
        if (inside.isEmpty()) {
          continue;
        }
        Path target = unpacking.resolve(inside).normalize();
        if (!target.startsWith(unpacking)) {
          throw new IOException("zip entry outside its folder: " + name);
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          boolean executable = inside.startsWith("bin/") || inside.contains("/bin/");
          Files.setPosixFilePermissions(
              target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
    try (var walk = Files.walk(unpacking)) {
      for (Path p : walk.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    Files.writeString(unpacking.resolve(".complete"), version);
    try {
      Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteTree(unpacking);
      if (!Files.isRegularFile(home.resolve(".complete"))) {
        throw e;
      }
    }
    return home;
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void ensureUser() throws IOException, InterruptedException {
    if (run("id", "-u", USER) == 0) {
      return;
    }
    int code = run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER);
    if (code != 0 && run("id", "-u", USER) != 0) {
      throw new IOException("could not create the user " + USER + " to run OpenSearch as");
    }
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return p.waitFor();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
