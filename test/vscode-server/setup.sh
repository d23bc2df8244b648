#!/usr/bin/env bash
# Installs what the integration tests need to run VS Code without downloading it:
#   - Debian packages: chromium (headless browser that opens the workbench) and
#     libkrb5-dev (needed to build code-server's native `kerberos` module);
#   - Node 24 from the npm package `node` (code-server only installs and runs on Node 24);
#   - code-server (the VS Code server build published on npm).
#
# Everything but the Debian packages goes to ${LTS_TEST_CACHE:-$HOME/.cache/lts-status-codes}.
# Each cached install is trusted only once its `.complete` stamp exists; the stamp is
# written last, so an interrupted install is wiped and redone on the next run.
# When everything is in place the script only checks the stamps and exits in well under a second.
#
# On success it writes "$CACHE/env" (KEY=VALUE lines: NODE24, CODE_SERVER_ENTRY,
# CODE_SERVER_VERSION, CHROMIUM) and prints the same lines.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
CHROMIUM=/usr/bin/chromium
CACHE="${LTS_TEST_CACHE:-$HOME/.cache/lts-status-codes}"

NODE24_DIR="$CACHE/node$NODE_MAJOR"
NODE24_PKG="$NODE24_DIR/node_modules/node"
NODE24="$NODE24_PKG/bin/node"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"

log() { echo "[setup] $*"; }
die() { echo "[setup] ERROR: $*" >&2; exit 1; }

# --- Debian packages -------------------------------------------------------------------
deb_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for pkg in chromium libkrb5-dev; do
  deb_installed "$pkg" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages (${missing[*]}); run as root or install them: apt-get install ${missing[*]}"
  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || die "apt-get install ${missing[*]} failed"
fi
[ -x "$CHROMIUM" ] || die "$CHROMIUM not found although the chromium package is installed"

# --- npm-installed parts, serialised between concurrent runs ----------------------------
mkdir -p "$CACHE"
exec 9>"$CACHE/.setup.lock"
flock 9

# npm_install DIR SPEC: fresh `npm install SPEC` into DIR (its own package.json keeps npm
# from installing into some parent project).
npm_install() {
  local dir="$1" spec="$2"
  rm -rf "$dir"
  mkdir -p "$dir"
  echo '{ "name": "lts-test-cache", "private": true }' >"$dir/package.json"
  # Under `npm test`, the outer npm's settings arrive as npm_* variables; the inner npm would take them as its
  # own (npm_config_user_agent names the outer Node, which code-server's postinstall rejects). Only nodedir,
  # set on purpose below, is kept.
  (
    cd "$dir"
    for var in $(compgen -e | grep '^npm_' | grep -v '^npm_config_nodedir$'); do unset "$var"; done
    npm install --no-save --no-audit --no-fund --loglevel=error "$spec"
  )
}

# Node 24 ------------------------------------------------------------------------------
node24_ok() { [[ -f "$NODE24_DIR/.complete" && "$("$NODE24" --version 2>/dev/null)" == "v$NODE_MAJOR."* ]]; }
if ! node24_ok; then
  log "installing Node $NODE_MAJOR (npm package node@$NODE_MAJOR) into $NODE24_DIR"
  npm_install "$NODE24_DIR" "node@$NODE_MAJOR" || die "npm install node@$NODE_MAJOR failed"
  touch "$NODE24_DIR/.complete"
  node24_ok || { rm -f "$NODE24_DIR/.complete"; die "$NODE24 is not a working Node $NODE_MAJOR binary"; }
fi

# code-server --------------------------------------------------------------------------
# `entry.js --version` prints "<version> <commit> with Code <vscode version>".
cs_ok() {
  [[ -f "$CS_DIR/.complete" && "$("$NODE24" "$CS_ENTRY" --version 2>/dev/null)" == "$CODE_SERVER_VERSION "* ]]
}
if ! cs_ok; then
  # The `node` package ships Node 24's headers next to its binary (node-<os>-<arch>/include).
  # Pointing node-gyp at them builds code-server's native modules for the Node that runs
  # them, with no header download and regardless of any nodedir in the user's .npmrc.
  headers=""
  for d in "$NODE24_PKG"/node_modules/node-*; do
    [ -f "$d/include/node/node_version.h" ] && headers="$d"
  done
  [ -n "$headers" ] || die "no Node $NODE_MAJOR headers found under $NODE24_PKG/node_modules"
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (takes a minute or two)"
  # npm's own script runs on whichever `node` is first on PATH: make that Node 24, as
  # code-server's postinstall checks the Node version npm runs on.
  PATH="$(dirname "$NODE24"):$PATH" npm_config_nodedir="$headers" \
    npm_install "$CS_DIR" "code-server@$CODE_SERVER_VERSION" || die "npm install code-server@$CODE_SERVER_VERSION failed"
  touch "$CS_DIR/.complete"
  cs_ok || { rm -f "$CS_DIR/.complete"; die "code-server does not start: $NODE24 $CS_ENTRY --version"; }
fi

# --- Report ----------------------------------------------------------------------------
cat >"$CACHE/env.tmp" <<EOF
NODE24=$NODE24
CODE_SERVER_ENTRY=$CS_ENTRY
CODE_SERVER_VERSION=$CODE_SERVER_VERSION
CHROMIUM=$CHROMIUM
EOF
mv "$CACHE/env.tmp" "$CACHE/env"
sed 's/^/[setup] /' "$CACHE/env"
