package dev.citeassist.settings;

import java.nio.file.Path;

/**
 * A shared catalogue on an OpenSearch cluster, used instead of the local index when {@code url} is
 * set (the project's own {@code .bib} stays local either way).
 *
 * @param url {@code http[s]://host:port[/alias]}, several comma-separated for failover
 * @param user with {@code password}: basic authentication, or null
 * @param password the basic-auth password, or null
 * @param apiKey sent as {@code Authorization: ApiKey …}, or null
 * @param caCertificate PEM file of a certificate authority to trust for {@code https}, or null
 * @param timeoutMillis the longest a catalogue call may take, retries on other nodes included
 */
public record RemoteCatalogueSettings(
    String url,
    String user,
    String password,
    String apiKey,
    Path caCertificate,
    int timeoutMillis) {

  public static final int DEFAULT_TIMEOUT_MILLIS = 2_000;
}
