#!/usr/bin/env bash
# Runs the README's test command (`npm test`) as if the machine's clock started at another
# instant, optionally in another time zone, with libfaketime (Debian package `faketime`).
# The tests run on injected clocks (test/support/clock.ts); this proves that nothing in them
# reads the machine's date, hour or zone instead. PostgreSQL is a server of its own and keeps
# the real time, so a row dated by the database's now() instead of the application's clock
# shows up here too.
#
#   bash scripts/test-at.sh 2028-02-29T12:00:00Z                 # leap day, machine's zone
#   bash scripts/test-at.sh 2027-12-31T22:30:00Z Pacific/Auckland # 23:30 in Brussels, New Year in Auckland
#   bash scripts/test-at.sh 2027-12-31T22:30:00Z Pacific/Auckland "test/unit/**/*.test.ts"  # some files only
#
# Without test files it runs `npm test` (every suite); with them, `node --test` on those files.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "gebruik: scripts/test-at.sh TIJDSTIP-IN-UTC [TIJDZONE]" >&2
  exit 2
fi
instant=$1
zone=${2:-${TZ:-}}
shift $(( $# < 2 ? $# : 2 ))
if ! command -v faketime >/dev/null; then
  echo "faketime ontbreekt: apt-get install -y faketime" >&2
  exit 2
fi
epoch=$(date -u -d "$instant" +%s)
echo "== npm test with the machine's clock at $instant (${zone:-machine zone})"
# The clock starts at the instant and runs on (@); timers keep the real monotonic clock.
export FAKETIME_FMT=%s FAKETIME_DONT_FAKE_MONOTONIC=1
if [ -n "$zone" ]; then export TZ=$zone; fi
if [ $# -eq 0 ]; then
  faketime -f "@$epoch" npm test
else
  npm run -s pretest
  # The project's Node (24, the devDependency), as the npm scripts use it: the machine's may be older.
  NODE_COMPILE_CACHE=node_modules/.cache/node-compile-cache faketime -f "@$epoch" ./node_modules/.bin/node --test --test-concurrency=2 "$@"
fi
