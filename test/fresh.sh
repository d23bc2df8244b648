#!/usr/bin/env bash
# `npm run test:fresh`: proves the README's test command the way a new user meets it. Clones the current commit
# into a temporary folder with nothing beside it (as a user's clone has), points HOME (so npm's cache and every ~/.config
# too) and LTS_TEST_CACHE at empty temporary folders, runs `npm ci && npm test`, and reports times and counts.
#
# Options:
#   --busy      keep one core fully busy while the tests run (a loaded machine)
#   --runs N    run the README's commands N times in the same clone and cache (default 2: the second run shows
#               that the cache is reused; it reports when the integration suite started)
#   --keep      keep the temporary folder
# Uncommitted changes are not part of the clone: commit first. Debian packages are system-wide, so a machine that
# already has them skips that step. Exit code: 0 when every run passed.
set -uo pipefail

busy=false runs=2 keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --busy) busy=true ;;
    --runs) runs="${2:?--runs takes a number}"; shift ;;
    --keep) keep=true ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

repo="$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)"
commit="$(git -C "$repo" rev-parse --short HEAD)"
[ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ] || echo "[fresh] note: uncommitted changes are not tested; testing $commit"

tmp="$(mktemp -d /tmp/lts-fresh.XXXXXX)"
busy_pid=""
cleanup() {
  [ -n "$busy_pid" ] && kill "$busy_pid" 2>/dev/null
  if $keep; then echo "[fresh] kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
mkdir -p "$tmp/home" "$tmp/cache"
git clone --quiet --no-hardlinks "$repo" "$tmp/checkout/lts-status-codes" || exit 1
cd "$tmp/checkout/lts-status-codes" || exit 1
echo "[fresh] $commit cloned into $PWD; HOME=$tmp/home, LTS_TEST_CACHE=$tmp/cache (both empty); nothing beside the clone"

if $busy; then
  node -e 'for (;;) {}' &
  busy_pid=$!
  echo "[fresh] one core kept busy (pid $busy_pid)"
fi

status=0
for run in $(seq 1 "$runs"); do
  log="$tmp/run-$run.log"
  start=$SECONDS
  # The user's environment, less what would make this machine's set-up leak in.
  # Each output line is stamped with the seconds since the run started.
  env -u LTS_TEST_CACHE -u npm_config_cache HOME="$tmp/home" LTS_TEST_CACHE="$tmp/cache" CI=true \
    bash -c 'npm ci --no-audit --no-fund && npm test' </dev/null 2>&1 \
    | while IFS= read -r line; do printf '[+%ss] %s\n' "$((SECONDS - start))" "$line"; done >"$log"
  code=${PIPESTATUS[0]}
  took=$((SECONDS - start))
  echo "[fresh] run $run: exit code $code after ${took} s"
  grep -E '^\[\+[0-9]+s\] ( +[0-9]+ (passing|failing|pending)|VS Code .*tests$|[0-9]+ passed, [0-9]+ failed$|\[setup\] .*(done in|ERROR))' "$log" \
    | sed -E 's/^\[\+([0-9]+)s\] +/[fresh]   at \1 s: /'
  # How long the integration runner took to reach the suite (set-up, code-server and the workbench starting).
  runner_at="$(grep -m1 -E '^\[\+[0-9]+s\] > node test/vscode-server/run-tests.mjs' "$log" | sed -E 's/^\[\+([0-9]+)s\].*/\1/')"
  suite_at="$(grep -m1 -E '^\[\+[0-9]+s\] VS Code .*tests$' "$log" | sed -E 's/^\[\+([0-9]+)s\].*/\1/')"
  if [ -n "$suite_at" ]; then
    echo "[fresh]   the integration suite started $((suite_at - runner_at)) s after its runner (set-up included)"
  else
    echo "[fresh]   the integration suite did not start"
  fi
  if [ "$code" -ne 0 ]; then
    status=1
    # The failed tests with their reasons: the temporary folder, and the whole log with it, is removed below.
    if grep -q '✗' "$log"; then
      echo "[fresh]   failed tests:"
      grep -A 8 '✗' "$log" | sed 's/^/[fresh]   | /'
    fi
    echo "[fresh]   last lines of the output:"
    tail -n 40 "$log" | sed 's/^/[fresh]   | /'
  fi
done
exit "$status"
