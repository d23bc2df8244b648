#!/usr/bin/env bash
# What `npm run bench` needs besides npm packages, from Debian's packages (installed once, as root): ripgrep (the
# log-scan peer) and GNU time (peak memory of a command).
set -euo pipefail
missing=()
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "[bench] missing: ${missing[*]} (apt-get install ${missing[*]})" >&2; exit 1; }
  echo "[bench] installing Debian's ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
