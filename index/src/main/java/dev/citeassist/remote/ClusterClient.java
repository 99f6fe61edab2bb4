package dev.citeassist.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * JSON over HTTP to an OpenSearch cluster with the JDK's {@link HttpClient} and Jackson (both
 * already on the class path; the official client would add its own HTTP stack and JSON binding for
 * the half-dozen endpoints used here). Spreads calls over the nodes round-robin, and when a node
 * does not answer (refused, reset, timed out, or a 502/503/504 from a node that is shutting down)
 * tries the next one, all within the call's deadline ({@link ClusterSettings#timeout()}); a node
 * that failed is tried last for a while. The nodes given are the start: the others are discovered
 * from the cluster ({@code _nodes/http}). Thread-safe.
 */
public final class ClusterClient implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  /** How long a node that failed goes to the end of the list. */
  private static final long PENALTY_NANOS = 5_000_000_000L;

  /** How often the cluster's node list is read again. */
  private static final long DISCOVERY_NANOS = 60_000_000_000L;

  private final ClusterSettings settings;
  private final HttpClient http;
  private final String authorization;
  private final Set<URI> nodes = ConcurrentHashMap.newKeySet();
  private final Map<URI, Long> failedAt = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private volatile long discoveredAt = Long.MIN_VALUE;

  public ClusterClient(ClusterSettings settings) throws IOException {
    this.settings = settings;
    this.nodes.addAll(settings.nodes());
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .version(HttpClient.Version.HTTP_1_1);
    if (settings.caCertificate() != null) {
      builder.sslContext(sslContext(settings));
    }
    this.http = builder.build();
    if (settings.apiKey() != null) {
      authorization = "ApiKey " + settings.apiKey();
    } else if (settings.username() != null) {
      String pair = settings.username() + ":" + settings.password();
      authorization =
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    } else {
      authorization = null;
    }
  }

  public ClusterSettings settings() {
    return settings;
  }

  /** A JSON call; {@code body} may be null. */
  public JsonNode call(String method, String path, Object body) throws IOException {
    return call(method, path, body, settings.timeout());
  }

  /** A JSON call with its own deadline (bulk loads, waiting for the cluster). */
  public JsonNode call(String method, String path, Object body, Duration timeout)
      throws IOException {
    byte[] bytes = body == null ? null : JSON.writeValueAsBytes(body);
    return JSON.readTree(send(method, path, bytes, "application/json", timeout).body());
  }

  /** An answer: status and body. */
  public record Answer(int status, byte[] body) {}

  /**
   * Sends one request to the first node that answers, within {@code timeout}. Statuses of 400 and
   * above other than those of a node that cannot serve (502, 503, 504) are thrown as {@link
   * ClusterException} with the status, except that {@code 404} is returned as the answer.
   */
  public Answer send(String method, String path, byte[] body, String contentType, Duration timeout)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<URI> order = order();
    Exception last = null;
    URI lastNode = null;
    for (URI node : order) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(node.resolve(path))
              .timeout(Duration.ofNanos(left))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      if (body != null) {
        request.header("Content-Type", contentType);
      }
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      CompletableFuture<HttpResponse<byte[]>> pending =
          http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      try {
        // the whole answer within the deadline, not only its headers
        HttpResponse<byte[]> response = pending.get(left, TimeUnit.NANOSECONDS);
        int status = response.statusCode();
        if (status == 502 || status == 503 || status == 504) {
          failedAt.put(node, System.nanoTime());
          last = new IOException(node + " answered " + status + ": " + text(response.body()));
          lastNode = node;
          continue;
        }
        failedAt.remove(node);
        if (status >= 400 && status != 404) {
          throw new ClusterException(
              status, method + " " + path + ": " + status + " " + text(response.body()), null);
        }
        maybeDiscover(node);
        return new Answer(status, response.body());
      } catch (TimeoutException e) {
        pending.cancel(true);
        failedAt.put(node, System.nanoTime());
        last = new IOException(node + " did not answer within " + timeout.toMillis() + " ms");
        lastNode = node;
      } catch (ExecutionException e) {
        failedAt.put(node, System.nanoTime());
        last = e.getCause() instanceof Exception cause ? cause : e;
        lastNode = node;
      } catch (InterruptedException e) {
        pending.cancel(true);
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while calling the cluster");
      }
    }
    String why =
        last == null
            ? "no node answered within " + timeout.toMillis() + " ms"
            : (lastNode == null ? "" : lastNode + ": ")
                + (last.getMessage() == null ? last.getClass().getSimpleName() : last.getMessage());
    throw new ClusterException(
        0, "the cluster at " + settings.where() + " is unreachable (" + why + ")", last);
  }

  /** The nodes to try, healthy ones first, starting at the next in turn. */
  private List<URI> order() {
    List<URI> all = new ArrayList<>(nodes);
    all.sort(java.util.Comparator.comparing(URI::toString));
    int start = Math.floorMod(next.getAndIncrement(), all.size());
    List<URI> healthy = new ArrayList<>();
    List<URI> penalised = new ArrayList<>();
    long now = System.nanoTime();
    for (int i = 0; i < all.size(); i++) {
      URI node = all.get((start + i) % all.size());
      Long failed = failedAt.get(node);
      (failed != null && now - failed < PENALTY_NANOS ? penalised : healthy).add(node);
    }
    healthy.addAll(penalised);
    return healthy;
  }

  /** Reads the cluster's HTTP addresses now and then (best effort; the given ones stay). */
  private void maybeDiscover(URI answered) {
    if (!settings.discover()) {
      return;
    }
    long now = System.nanoTime();
    if (discoveredAt != Long.MIN_VALUE && now - discoveredAt < DISCOVERY_NANOS) {
      return;
    }
    discoveredAt = now;
    Thread.ofVirtual()
        .name("citeassist-cluster-discovery")
        .start(
            () -> {
              try {
                HttpRequest.Builder request =
                    HttpRequest.newBuilder(answered.resolve("/_nodes/http"))
                        .timeout(settings.timeout());
                if (authorization != null) {
                  request.header("Authorization", authorization);
                }
                HttpResponse<byte[]> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                  return;
                }
                JsonNode all = JSON.readTree(response.body()).path("nodes");
                Set<URI> found = new LinkedHashSet<>();
                for (Iterator<JsonNode> it = all.elements(); it.hasNext(); ) {
                  String address = it.next().path("http").path("publish_address").asText("");
                  // "host/1.2.3.4:9200" or "1.2.3.4:9200"
                  int slash = address.lastIndexOf('/');
                  String hostPort = slash >= 0 ? address.substring(slash + 1) : address;
                  if (!hostPort.isEmpty()) {
                    found.add(URI.create(answered.getScheme() + "://" + hostPort));
                  }
                }
                nodes.addAll(found);
              } catch (IOException | RuntimeException e) {
                // best effort: the nodes given keep serving
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  /** The nodes known so far (given and discovered). */
  public Set<URI> nodes() {
    return Set.copyOf(nodes);
  }

  static String encode(String pathPart) {
    return URLEncoder.encode(pathPart, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String text(byte[] body) {
    String s = new String(body, StandardCharsets.UTF_8);
    return s.length() > 500 ? s.substring(0, 500) + "…" : s;
  }

  private static SSLContext sslContext(ClusterSettings settings) throws IOException {
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      int n = 0;
      try (InputStream in = Files.newInputStream(settings.caCertificate())) {
        for (Certificate c : factory.generateCertificates(in)) {
          trusted.setCertificateEntry("ca-" + n++, c);
        }
      }
      if (n == 0) {
        throw new IOException(settings.caCertificate() + " holds no certificate");
      }
      // the JDK's authorities stay trusted beside the given ones
      TrustManagerFactory jdk =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      jdk.init((KeyStore) null);
      for (TrustManager tm : jdk.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          for (X509Certificate c : x.getAcceptedIssuers()) {
            trusted.setCertificateEntry("jdk-" + n++, c);
          }
        }
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "cannot use " + settings.caCertificate() + " as certificate authority: " + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
