package dev.citeassist.server;

import dev.citeassist.catalogue.CatalogueProgress;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * One long task (building the catalogue index) reported as LSP work-done progress: {@code
 * window/workDoneProgress/create}, then {@code $/progress} begin, a report at each whole percentage
 * of the bytes read, and end. Begins lazily at the first update, so that opening an index that
 * needs no building shows nothing. Does nothing when the client lacks the capability. Updates come
 * from one thread (the builder's).
 */
final class WorkDoneProgress implements CatalogueProgress {

  private static final Logger LOG = Logger.getLogger(WorkDoneProgress.class.getName());

  private final LanguageClient client;
  private final String title;
  private Either<String, Integer> token;
  private int lastPercent = -1;
  private volatile boolean begun;

  /**
   * @param client the client, or null for none (nothing is reported)
   */
  WorkDoneProgress(LanguageClient client, String title) {
    this.client = client;
    this.title = title;
  }

  /** True once the task has started its long part (the first update). */
  boolean begun() {
    return begun;
  }

  @Override
  public void update(long papers, long bytesDone, long bytesTotal) {
    int percent =
        bytesTotal > 0 ? (int) Math.min(100, Math.max(0, bytesDone * 100 / bytesTotal)) : 0;
    if (!begun) {
      begun = true;
      begin();
    }
    if (token == null || percent == lastPercent) {
      return;
    }
    lastPercent = percent;
    WorkDoneProgressReport report = new WorkDoneProgressReport();
    report.setPercentage(percent);
    report.setMessage(papers + " papers read");
    client.notifyProgress(new ProgressParams(token, Either.forLeft(report)));
  }

  private void begin() {
    if (client == null) {
      return;
    }
    Either<String, Integer> t = Either.forLeft("citeassist-" + UUID.randomUUID());
    try {
      client.createProgress(new WorkDoneProgressCreateParams(t)).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.FINE, "the client did not create a progress token", e);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    token = t;
    WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
    begin.setTitle(title);
    begin.setCancellable(false);
    begin.setPercentage(0);
    client.notifyProgress(new ProgressParams(token, Either.forLeft(begin)));
  }

  /** Ends the progress, if it began, with {@code message}. */
  void done(String message) {
    if (token == null) {
      return;
    }
    WorkDoneProgressEnd end = new WorkDoneProgressEnd();
    end.setMessage(message);
    client.notifyProgress(new ProgressParams(token, Either.forLeft(end)));
    token = null;
  }
}
