#!/usr/bin/env bash
# End-to-end test of the extension in a real VS Code: a throw-away code-server (own HOME, random
# 127.0.0.1 port, no settings for CiteAssist) gets the packaged .vsix installed, opens a copy of
# e2e/fixture, and e2e.js drives it with playwright-core and Debian's Chromium.
#
# Usage: e2e/run-e2e.sh EXTENSION.vsix [OUT_DIR]     (OUT_DIR default: test-artifacts/)
# Env:   CITEASSIST_E2E_HOME  where scripts/install-e2e.sh put code-server (~/.cache/citeassist-e2e)
#        CHROMIUM             the browser (default /usr/bin/chromium)
# Exit:  0 passed or skipped (prints "skipped: ..." when code-server or Chromium is absent), 1 failed.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
EXT_ROOT=$(cd "$HERE/.." && pwd)
VSIX=${1:?usage: run-e2e.sh EXTENSION.vsix [OUT_DIR]}
OUT=${2:-$EXT_ROOT/test-artifacts}
E2E_HOME=${CITEASSIST_E2E_HOME:-$HOME/.cache/citeassist-e2e}
CS=$E2E_HOME/code-server/node_modules/.bin/code-server
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$CS" ]; then
  echo "e2e skipped: code-server not installed at $CS (run client-vscode/scripts/install-e2e.sh)"
  exit 0
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "e2e skipped: Chromium not installed at $CHROMIUM (run client-vscode/scripts/install-e2e.sh)"
  exit 0
fi
[ -f "$VSIX" ] || { echo "e2e: no such extension package: $VSIX" >&2; exit 1; }
VSIX=$(cd "$(dirname "$VSIX")" && pwd)/$(basename "$VSIX")
# Until the command line (dev.citeassist.cli.Main, whose 'serve' starts the server) is in the jar,
# there is no server to test against.
if ! python3 - "$VSIX" <<'PY'
import io, sys, zipfile
vsix = zipfile.ZipFile(sys.argv[1])
jar = zipfile.ZipFile(io.BytesIO(vsix.read('extension/server/citeassist.jar')))
sys.exit(0 if 'dev/citeassist/cli/Main.class' in jar.namelist() else 1)
PY
then
  echo "e2e skipped: the packaged server jar has no dev.citeassist.cli.Main yet (no 'serve' to start)"
  exit 0
fi
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
rm -f "$OUT"/*.png "$OUT"/*.log

T=$(mktemp -d "${TMPDIR:-/tmp}/citeassist-e2e.XXXXXX")
CS_PID=
cleanup() {
  if [ -n "$CS_PID" ]; then
    # Started with setsid: the process group (code-server, extension host, java) has its pid.
    kill -TERM -- "-$CS_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 -- "-$CS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CS_PID" 2>/dev/null || true
  fi
  rm -rf "$T"
}
trap cleanup EXIT

# code-server and Chromium write into HOME and the XDG folders whatever their options say; the
# catalogue index goes to $XDG_CACHE_HOME/citeassist, so each run builds it afresh.
mkdir -p "$T/ud/User" "$T/ext" "$T/home"
export HOME=$T/home XDG_CONFIG_HOME=$T/home/.config XDG_CACHE_HOME=$T/home/.cache \
  XDG_DATA_HOME=$T/home/.local/share XDG_RUNTIME_DIR=$T/xdg-run
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
# The extension must find a JDK 21+ by itself, as on a user's machine.
unset JAVA_HOME CITEASSIST_JAVA_HOME CITEASSIST_CACHE
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$T/config.yaml"
cat > "$T/ud/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "files.hotExit": "off",
  "git.enabled": false,
  "editor.acceptSuggestionOnEnter": "on",
  "editor.hover.delay": 200
}
JSON

WS=$T/ws
cp -r "$HERE/fixture" "$WS"

CSARGS=(--config "$T/config.yaml" --user-data-dir "$T/ud" --extensions-dir "$T/ext")
"$CS" "${CSARGS[@]}" --install-extension "$VSIX"
"$CS" "${CSARGS[@]}" --list-extensions --show-versions

PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()')
setsid "$CS" "${CSARGS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --ignore-last-opened "$WS" > "$T/code-server.log" 2>&1 &
CS_PID=$!
up=
for _ in $(seq 1 600); do
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz"; then up=1; break; fi
  kill -0 "$CS_PID" 2>/dev/null || break
  sleep 0.1
done
[ -n "$up" ] || { echo "e2e: code-server did not start"; cat "$T/code-server.log"; exit 1; }
echo "e2e: code-server up on 127.0.0.1:$PORT"

rc=0
node "$HERE/e2e.js" "http://127.0.0.1:$PORT/" "$WS" "$OUT" || rc=$?
cp "$T/code-server.log" "$OUT/code-server.log" 2>/dev/null || true
# The extension host log and the extension's output channels (client and server log).
find "$T/ud/logs" \( -name 'remoteexthost.log' -o -name '*CiteAssist*.log' \) -exec cp {} "$OUT/" \; 2>/dev/null || true
if [ $rc -eq 0 ]; then echo "e2e: PASSED (screenshots in $OUT)"; else echo "e2e: FAILED (screenshots and logs in $OUT)"; fi
exit $rc
