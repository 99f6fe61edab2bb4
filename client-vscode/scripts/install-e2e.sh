#!/usr/bin/env bash
# Installs what the VS Code extension's end-to-end test needs: code-server 4.100.3 (a real
# VS Code 1.100.3 that runs on node 20) from npm, and Debian's Chromium, which playwright-core
# (a devDependency of the extension) drives. Idempotent: a second run only checks.
#
# Usage: client-vscode/scripts/install-e2e.sh
# Env:   CITEASSIST_E2E_HOME   where code-server goes (default ~/.cache/citeassist-e2e)
#
# Works with only the npm registry and Debian's mirrors reachable (no GitHub):
#  - @vscode/ripgrep's postinstall would download rg from GitHub; its download cache is
#    pre-seeded with Debian's rg;
#  - node-pty's postinstall runs 'npx node-gyp', which an npmrc with 'yes = false' cancels;
#  - code-server's postinstall refuses to run as root without --unsafe-perm=true;
#  - native modules are compiled against Debian's node headers (npm_config_nodedir=/usr).
set -euo pipefail
E2E_HOME=${CITEASSIST_E2E_HOME:-$HOME/.cache/citeassist-e2e}
CS_VERSION=4.100.3   # the newest code-server whose engines field accepts node 20
CS=$E2E_HOME/code-server/node_modules/.bin/code-server
t0=$(date +%s)

installed() {
  [ -x "$CS" ] && [ -x /usr/bin/chromium ] &&
    "$CS" --version --config /dev/null 2>/dev/null | grep -q "^$CS_VERSION "
}
if installed; then
  echo "install-e2e: code-server $CS_VERSION and chromium already installed in $E2E_HOME"
  exit 0
fi

# 1. Debian packages: compilers for the native modules node-gyp builds from source (prebuilt
#    binaries come from GitHub), Kerberos and libsecret headers, ripgrep, Chromium.
pkgs=(build-essential python3 pkg-config libkrb5-dev libsecret-1-dev ripgrep chromium curl)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

export npm_config_nodedir=${npm_config_nodedir:-/usr}
test -f "$npm_config_nodedir/include/node/node.h" || {
  echo "install-e2e: no node headers in $npm_config_nodedir/include/node (Debian: apt-get install libnode-dev)" >&2
  exit 1
}

# 2. Pre-seed @vscode/ripgrep's download cache (code-server 4.100.3 pins @vscode/ripgrep 1.15.11,
#    which wants rg tag v13.0.0-10).
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg

# 3. code-server.
mkdir -p "$E2E_HOME/code-server"
cd "$E2E_HOME/code-server"
[ -f package.json ] || echo '{"name":"citeassist-e2e-code-server","private":true}' > package.json
npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm=true --foreground-scripts \
  "code-server@$CS_VERSION"
test -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
test -f node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node

"$CS" --version --config /dev/null
echo "install-e2e: installed into $E2E_HOME in $(( $(date +%s) - t0 ))s"
