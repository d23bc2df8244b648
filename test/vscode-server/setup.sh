#!/usr/bin/env bash
# Installs what the integration tests need to run VS Code without downloading it:
#   - Debian packages: chromium (the headless browser that opens the workbench), fonts-wqy-microhei (a Chinese
#     font, so that the zh-CN run's screenshots show characters rather than empty boxes; 5 MB) and
#     libkrb5-dev (headers to build code-server's native `kerberos` module), only when missing;
#   - Node 24 from the npm package `node` (code-server only installs and runs on Node 24);
#   - code-server (the VS Code server build published on npm).
#
# Everything but the Debian packages goes to ${LTS_TEST_CACHE:-$HOME/.cache/lts-status-codes} (about 810 MB);
# the Debian packages take about 400 MB more. Long steps print what they do and how long they took; their
# full output goes to "$CACHE/logs/", which an error message names.
#
# Each cached install is trusted once its `.complete` stamp exists; the stamp is written last, so only an
# interrupted install is wiped and redone. A good install is never wiped because a check printed something
# unexpected: the installed version is read from its package.json, and a failing start-up check is reported
# with its output, leaving the install in place. When everything is in place the script only checks the stamps.
#
# code-server runs with its own config and data folders inside the cache (XDG_CONFIG_HOME, XDG_DATA_HOME), so it
# never writes to ~/.config or ~/.local/share and its first start prints nothing unexpected.
#
# LTS_SETUP_NO_BROWSER=1 leaves chromium out (the demo serves VS Code to the user's own browser and needs none):
# it is neither installed nor required, and CHROMIUM is written empty unless it is already installed.
#
# On success it writes "$CACHE/env" (KEY=VALUE lines: NODE24, CODE_SERVER_ENTRY, CODE_SERVER_VERSION,
# CODE_SERVER_HOME, CHROMIUM) and prints the same lines.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
CHROMIUM=/usr/bin/chromium
DEB_PACKAGES=(chromium fonts-wqy-microhei libkrb5-dev)
NO_BROWSER="${LTS_SETUP_NO_BROWSER:-}"
if [ -n "$NO_BROWSER" ]; then
  DEB_PACKAGES=(libkrb5-dev)
fi
CACHE="${LTS_TEST_CACHE:-$HOME/.cache/lts-status-codes}"

NODE24_DIR="$CACHE/node$NODE_MAJOR"
NODE24_PKG="$NODE24_DIR/node_modules/node"
NODE24="$NODE24_PKG/bin/node"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_PKG="$CS_DIR/node_modules/code-server"
CS_ENTRY="$CS_PKG/out/node/entry.js"
# code-server's own config and data folders (see above).
CS_HOME="$CACHE/code-server-home"
LOGS="$CACHE/logs"

log() { echo "[setup] $*"; }
die() { echo "[setup] ERROR: $*" >&2; exit 1; }

# step "what" LOGFILE command…: runs the command with its output in LOGFILE, says what it does and how long it took.
step() {
  local what="$1" logfile="$2"
  shift 2
  local start=$SECONDS
  log "$what …"
  if "$@" >"$logfile" 2>&1; then
    log "$what: done in $((SECONDS - start)) s"
  else
    local status=$?
    echo "[setup] ERROR: $what failed (exit code $status) after $((SECONDS - start)) s; last lines of $logfile:" >&2
    tail -n 20 "$logfile" | sed 's/^/[setup]   /' >&2
    return "$status"
  fi
}

mkdir -p "$CACHE" "$LOGS"

# --- Debian packages -------------------------------------------------------------------
deb_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
  deb_installed "$pkg" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages (${missing[*]}); run as root or install them: apt-get install ${missing[*]}"
  step "apt-get update" "$LOGS/apt-update.log" apt-get update || die "apt-get update failed"
  # --no-upgrade: never upgrade a package that is already installed; only what is missing comes in.
  step "installing Debian packages ${missing[*]} (log: $LOGS/apt-install.log)" "$LOGS/apt-install.log" \
    env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends --no-upgrade "${missing[@]}" \
    || die "apt-get install ${missing[*]} failed"
fi
if [ -z "$NO_BROWSER" ]; then
  [ -x "$CHROMIUM" ] || die "$CHROMIUM not found although the chromium package is installed"
elif [ ! -x "$CHROMIUM" ]; then
  CHROMIUM=""
fi

# --- npm-installed parts, serialised between concurrent runs ----------------------------
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
    npm install --no-save --no-audit --no-fund --loglevel=warn "$spec"
  )
}

# The version in an installed package's package.json (empty when there is none).
pkg_version() { "$NODE24" -p "require('$1/package.json').version" 2>/dev/null || true; }

# Node 24 ------------------------------------------------------------------------------
node24_ok() { [[ -f "$NODE24_DIR/.complete" && "$("$NODE24" --version 2>/dev/null)" == "v$NODE_MAJOR."* ]]; }
if ! node24_ok; then
  step "installing Node $NODE_MAJOR (npm package node@$NODE_MAJOR) into $NODE24_DIR" "$LOGS/node$NODE_MAJOR-install.log" \
    npm_install "$NODE24_DIR" "node@$NODE_MAJOR" || die "npm install node@$NODE_MAJOR failed"
  "$NODE24" --version >/dev/null 2>&1 || die "$NODE24 is not a working Node binary (see $LOGS/node$NODE_MAJOR-install.log)"
  touch "$NODE24_DIR/.complete"
fi

# code-server --------------------------------------------------------------------------
if [[ ! -f "$CS_DIR/.complete" || "$(pkg_version "$CS_PKG")" != "$CODE_SERVER_VERSION" ]]; then
  # The `node` package ships Node 24's headers next to its binary (node-<os>-<arch>/include).
  # Pointing node-gyp at them builds code-server's native modules for the Node that runs
  # them, with no header download and regardless of any nodedir in the user's .npmrc.
  headers=""
  for d in "$NODE24_PKG"/node_modules/node-*; do
    [ -f "$d/include/node/node_version.h" ] && headers="$d"
  done
  [ -n "$headers" ] || die "no Node $NODE_MAJOR headers found under $NODE24_PKG/node_modules"
  # npm's own script runs on whichever `node` is first on PATH: make that Node 24, as
  # code-server's postinstall checks the Node version npm runs on.
  (
    export PATH="$(dirname "$NODE24"):$PATH" npm_config_nodedir="$headers"
    step "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (2-4 minutes; log: $LOGS/code-server-install.log)" \
      "$LOGS/code-server-install.log" npm_install "$CS_DIR" "code-server@$CODE_SERVER_VERSION"
  ) || die "npm install code-server@$CODE_SERVER_VERSION failed"
  [ "$(pkg_version "$CS_PKG")" = "$CODE_SERVER_VERSION" ] || die "$CS_PKG/package.json does not say $CODE_SERVER_VERSION after the install"
  touch "$CS_DIR/.complete"
fi

# Start-up check: `entry.js --version` prints "<version> <commit> with Code <vscode version>" (code-server may log
# other lines first, so look for that line). Failing it reports; it never wipes the install.
mkdir -p "$CS_HOME/config" "$CS_HOME/data"
version_output="$(XDG_CONFIG_HOME="$CS_HOME/config" XDG_DATA_HOME="$CS_HOME/data" "$NODE24" "$CS_ENTRY" --version 2>&1 || true)"
grep -q "^$CODE_SERVER_VERSION " <<<"$version_output" \
  || die "code-server does not start ($NODE24 $CS_ENTRY --version); it printed:
$version_output
(the install in $CS_DIR is kept; delete that folder to reinstall)"

# --- Report ----------------------------------------------------------------------------
cat >"$CACHE/env.tmp" <<EOF
NODE24=$NODE24
CODE_SERVER_ENTRY=$CS_ENTRY
CODE_SERVER_VERSION=$CODE_SERVER_VERSION
CODE_SERVER_HOME=$CS_HOME
CHROMIUM=$CHROMIUM
EOF
mv "$CACHE/env.tmp" "$CACHE/env"
sed 's/^/[setup] /' "$CACHE/env"
