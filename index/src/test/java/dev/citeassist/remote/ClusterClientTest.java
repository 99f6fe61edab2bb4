package dev.citeassist.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's HTTP plumbing against small real servers on loopback (the integ-test cluster has no
 * security plugin): the credentials it sends, HTTPS with a certificate authority of one's own (a
 * self-signed certificate made with the JDK's keytool), failover to the next node, and a deadline
 * on a node that never answers.
 */
class ClusterClientTest {

  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void count(HttpExchange x) throws IOException {
    String auth = x.getRequestHeaders().getFirst("Authorization");
    authorizations.add(auth == null ? "" : auth);
    byte[] body = "{\"count\": 188}".getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(200, body.length);
    x.getResponseBody().write(body);
    x.close();
  }

  private String plain() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/citeassist/_count", this::count);
    server.start();
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void sendsBasicAuthFromTheUrl() throws IOException {
    String at = plain();
    try (RemoteCatalogue c =
        RemoteCatalogue.connect(ClusterSettings.parse("http://reader:s%3Acret@" + at))) {
      assertEquals(188, c.size());
    }
    String expected =
        "Basic "
            + Base64.getEncoder().encodeToString("reader:s:cret".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(expected), authorizations);
  }

  @Test
  void sendsAnApiKeyInsteadOfBasicAuth() throws IOException {
    String at = plain();
    try (RemoteCatalogue c =
        RemoteCatalogue.connect(
            ClusterSettings.parse("http://" + at).withBasicAuth("u", "p").withApiKey("a2V5"))) {
      assertEquals(188, c.size());
    }
    assertEquals(List.of("ApiKey a2V5"), authorizations);
  }

  @Test
  void failsOverToTheNextNode() throws IOException {
    String at = plain();
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    try (RemoteCatalogue c =
        RemoteCatalogue.connect(
            ClusterSettings.parse("http://127.0.0.1:" + closed + ",http://" + at))) {
      for (int i = 0; i < 4; i++) {
        assertEquals(188, c.size());
      }
    }
    assertEquals(4, authorizations.size());
  }

  @Test
  void aNodeThatNeverAnswersFailsTheCallAtItsDeadline() throws IOException {
    CountDownLatch released = new CountDownLatch(1);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        x -> {
          try {
            released.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          x.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    try (RemoteCatalogue c =
        RemoteCatalogue.connect(
            ClusterSettings.parse("http://127.0.0.1:" + server.getAddress().getPort())
                .withTimeout(Duration.ofMillis(300)))) {
      ClusterException e = assertThrows(ClusterException.class, c::size);
      assertTrue(e.unreachable(), e.getMessage());
      // the call's own deadline or the HTTP request's timeout, whichever fires first
      assertTrue(
          e.getMessage().contains("did not answer within 300 ms")
              || e.getMessage().contains("timed out"),
          e.getMessage());
    } finally {
      released.countDown();
    }
  }

  @Test
  void trustsTheGivenCertificateAuthority(@TempDir Path tmp) throws Exception {
    Path keystore = tmp.resolve("server.p12");
    Path ca = tmp.resolve("ca.pem");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(
        keytool,
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    run(
        keytool,
        "-exportcert",
        "-rfc",
        "-alias",
        "server",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        ca.toString());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    HttpsServer https =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    https.createContext("/citeassist/_count", this::count);
    https.start();
    server = https;
    String url = "https://127.0.0.1:" + https.getAddress().getPort();
    try (RemoteCatalogue trusting =
        RemoteCatalogue.connect(ClusterSettings.parse(url).withCaCertificate(ca))) {
      assertEquals(188, trusting.size());
    }
    try (RemoteCatalogue stranger = RemoteCatalogue.connect(ClusterSettings.parse(url))) {
      ClusterException e = assertThrows(ClusterException.class, stranger::size);
      assertTrue(e.unreachable(), e.getMessage());
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", command) + "\n" + out);
  }
}
