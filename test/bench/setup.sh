#!/usr/bin/env bash
# What `npm run bench` needs besides npm packages: ripgrep, from Debian's packages (installed once, as root).
set -euo pipefail
if ! command -v rg >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { echo "[bench] ripgrep is missing: apt-get install ripgrep" >&2; exit 1; }
  echo "[bench] installing Debian's ripgrep"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ripgrep >/dev/null
fi
