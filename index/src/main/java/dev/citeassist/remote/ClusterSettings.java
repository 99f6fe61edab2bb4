package dev.citeassist.remote;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the shared catalogue lives and how to reach it.
 *
 * @param nodes the cluster's HTTP addresses to start from (more are discovered); scheme, host and
 *     port only
 * @param alias the name the catalogue is searched under (an alias of a versioned index)
 * @param username with {@code password}: HTTP basic authentication; null for none
 * @param password the basic-auth password
 * @param apiKey sent as {@code Authorization: ApiKey …} when set (instead of basic auth)
 * @param caCertificate a PEM file of the certificate authorities to trust for {@code https},
 *     besides the JDK's; null for the JDK's only
 * @param timeout the longest any one call may take, every retry included
 * @param discover whether to add the nodes the cluster publishes ({@code _nodes/http}) to those
 *     given: off by default, since behind a proxy or in containers the published addresses may not
 *     be reachable from here; list every node instead, comma-separated
 */
public record ClusterSettings(
    List<URI> nodes,
    String alias,
    String username,
    String password,
    String apiKey,
    Path caCertificate,
    Duration timeout,
    boolean discover) {

  /** The alias when a URL names none. */
  public static final String DEFAULT_ALIAS = "citeassist";

  /** How long a search may take by default, retries on other nodes included. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  public ClusterSettings {
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a cluster needs at least one node address");
    }
    Objects.requireNonNull(alias);
    Objects.requireNonNull(timeout);
  }

  /**
   * Reads a catalogue URL: {@code http[s]://[user:password@]host:port[/alias]}, or several
   * separated by commas (the nodes of one cluster; the alias is the first one's path).
   *
   * @throws IllegalArgumentException for a URL that is not http(s) or has no host
   */
  public static ClusterSettings parse(String urls) {
    List<URI> nodes = new ArrayList<>();
    String alias = null;
    String user = null;
    String password = null;
    for (String part : urls.split(",")) {
      String s = part.strip();
      if (s.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("\"" + s + "\" is not a URL", e);
      }
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "\"" + s + "\" is not an http:// or https:// URL with a host");
      }
      if (uri.getUserInfo() != null && user == null) {
        int colon = uri.getUserInfo().indexOf(':');
        user = colon < 0 ? uri.getUserInfo() : uri.getUserInfo().substring(0, colon);
        password = colon < 0 ? "" : uri.getUserInfo().substring(colon + 1);
      }
      String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
      if (alias == null && !path.isEmpty()) {
        alias = path;
      }
      int port = uri.getPort() > 0 ? uri.getPort() : 9200;
      nodes.add(URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + port));
    }
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no URL in \"" + urls + "\"");
    }
    return new ClusterSettings(
        nodes,
        alias == null ? DEFAULT_ALIAS : alias,
        user,
        password,
        null,
        null,
        DEFAULT_TIMEOUT,
        false);
  }

  public ClusterSettings withBasicAuth(String user, String pass) {
    return new ClusterSettings(nodes, alias, user, pass, apiKey, caCertificate, timeout, discover);
  }

  public ClusterSettings withApiKey(String key) {
    return new ClusterSettings(
        nodes, alias, username, password, key, caCertificate, timeout, discover);
  }

  public ClusterSettings withCaCertificate(Path pem) {
    return new ClusterSettings(nodes, alias, username, password, apiKey, pem, timeout, discover);
  }

  public ClusterSettings withTimeout(Duration t) {
    return new ClusterSettings(
        nodes, alias, username, password, apiKey, caCertificate, t, discover);
  }

  public ClusterSettings withDiscovery(boolean on) {
    return new ClusterSettings(
        nodes, alias, username, password, apiKey, caCertificate, timeout, on);
  }

  public ClusterSettings withAlias(String a) {
    return new ClusterSettings(
        nodes, a, username, password, apiKey, caCertificate, timeout, discover);
  }

  /** The addresses, for messages (no credentials). */
  public String where() {
    return nodes.size() == 1 ? nodes.get(0).toString() : nodes.toString();
  }
}
