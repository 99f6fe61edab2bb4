package dev.citeassist.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * A language client that records what the server sends and applies workspace edits through a
 * function the test gives (an editor would change its buffers and send didChange).
 */
final class RecordingClient implements LanguageClient {

  final List<ApplyWorkspaceEditParams> edits = new CopyOnWriteArrayList<>();
  final List<MessageParams> shown = new CopyOnWriteArrayList<>();
  final List<MessageParams> logged = new CopyOnWriteArrayList<>();
  final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
  final java.util.Map<String, PublishDiagnosticsParams> diagnostics =
      new java.util.concurrent.ConcurrentHashMap<>();
  final List<WorkDoneProgressCreateParams> progressCreated = new CopyOnWriteArrayList<>();
  final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
  volatile Function<ApplyWorkspaceEditParams, Boolean> editor = e -> true;
  final List<ShowMessageRequestParams> questions = new CopyOnWriteArrayList<>();

  /** The action the user picks when asked, by title; null dismisses the question. */
  volatile String answer;

  @Override
  public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
    edits.add(params);
    return CompletableFuture.supplyAsync(
        () -> new ApplyWorkspaceEditResponse(editor.apply(params)));
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams published) {
    diagnostics.put(published.getUri(), published);
  }

  @Override
  public void showMessage(MessageParams messageParams) {
    shown.add(messageParams);
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
    questions.add(p);
    String a = answer;
    return CompletableFuture.completedFuture(
        a == null
            ? null
            : p.getActions().stream().filter(i -> i.getTitle().equals(a)).findFirst().orElse(null));
  }

  @Override
  public void logMessage(MessageParams message) {
    logged.add(message);
  }

  @Override
  public CompletableFuture<Void> registerCapability(RegistrationParams params) {
    registrations.add(params);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
    progressCreated.add(params);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void notifyProgress(ProgressParams params) {
    progress.add(params);
  }

  @Override
  public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
    return CompletableFuture.completedFuture(null);
  }
}
