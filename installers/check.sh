#!/usr/bin/env bash
# Checks a built app-image: its command-line launcher prints the version, writes the demo store,
# and lists its streams as JSON. Builds the app-image first unless --no-build is given (then the one
# in target/installer is checked). Run by the installers workflow on Linux, Windows and macOS.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--no-build" ]; then
  bash installers/build.sh --app-image-only
fi

case "$(uname -s)" in
  Linux) cli=target/installer/Hindsight/bin/hindsight-cli ;;
  Darwin) cli=target/installer/Hindsight.app/Contents/MacOS/hindsight-cli ;;
  MINGW*|MSYS*|CYGWIN*) cli=target/installer/Hindsight/hindsight-cli.exe ;;
  *) echo "check.sh: unknown system $(uname -s)" >&2; exit 2 ;;
esac
[ -x "$cli" ] || { echo "check.sh: no launcher at $cli" >&2; exit 1; }

fail() { echo "check.sh: FAILED: $*" >&2; exit 1; }

version=$("$cli" --version | tr -d '\r')
echo "version: $version"
case "$version" in hindsight\ *) ;; *) fail "--version printed '$version'" ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" demo --out "$work/demo.db" --reducers "$work/reducers"
"$cli" streams "$work/demo.db" --json > "$work/streams.json"
streams=$(grep -c '"stream":' "$work/streams.json" || true)
[ "$streams" = 50 ] || fail "streams --json listed $streams streams, not 50"
grep -q '"stream":"account-operating","type":"account","events":888' "$work/streams.json" \
  || fail "account-operating is not in the list as expected"
found=$("$cli" find "$work/demo.db" --stream payment-5006 --reducer "$work/reducers" \
  --where 'state.captured > state.authorized' | tr -d '\r')
case "$found" in "version 3 (PaymentCaptured"*) ;; *) fail "find printed '$found'" ;; esac
set +e
"$cli" streams "$work/missing.db" > /dev/null 2> "$work/err.txt"
code=$?
set -e
[ "$code" = 2 ] || fail "a missing store exited with $code, not 2"

echo "check.sh: OK ($cli: --version, demo, streams --json with 50 streams, find with the demo reducers, exit 2 on a missing store)"
