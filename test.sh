#!/usr/bin/env bash
# Runs every test against real servers: installs what is missing, builds, starts one private PostgreSQL
# and RabbitMQ for the run (the AppHost's own resources, --servers-only), runs each test project, stops
# the servers, and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
state="$root/.medborgare/test"

scripts/prerequisites.sh --browser || { echo "0 passed, 1 failed"; exit 1; }

# Leftovers of an earlier run that was killed (Aspire's orchestrator normally stops them when its AppHost goes): stop them.
pkill -KILL -f "postgres -D $state" 2>/dev/null || true
pkill -KILL -f "beam.smp.*$state" 2>/dev/null || true
sleep 1
rm -rf "$state"
mkdir -p "$state/results"

echo "== Building"
if ! dotnet build Medborgare.sln -nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== Starting PostgreSQL and RabbitMQ for the test run"
dotnet AppHost/bin/Debug/net10.0/Medborgare.AppHost.dll --servers-only --state-dir "$state/shared" --env-file "$state/servers.env" \
  > "$state/servers.log" 2>&1 &
servers_pid=$!
stop_servers() {
  # SIGTERM: a background job of a script ignores SIGINT.
  kill -TERM "$servers_pid" 2>/dev/null && wait "$servers_pid" 2>/dev/null
}
trap stop_servers EXIT
for _ in $(seq 1 240); do
  [ -f "$state/servers.env" ] && break
  kill -0 "$servers_pid" 2>/dev/null || break
  sleep 0.5
done
if [ ! -f "$state/servers.env" ]; then
  cat "$state/servers.log"
  echo "0 passed, 1 failed"
  exit 1
fi
# shellcheck disable=SC1091
source "$state/servers.env"

status=0
for project in tests/*.Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$state/results" || status=1
  # dotnet test says nothing and exits 0 for a project that was never built: that must not pass.
  if [ ! -f "$state/results/$name.trx" ]; then
    echo "$name produced no results (is it in Medborgare.sln?)"
    status=1
  fi
done

passed=0; failed=0; total=0
for trx in "$state"/results/*.trx; do
  [ -f "$trx" ] || continue
  # The names of failed tests again, last, where a log that shows only its end still has them.
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.* testName="\([^"]*\)".*/FAILED: \1/p'
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  total=$((total + ${t:-0})); passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# A test project that crashed or reported nothing still fails the run.
not_run=$((total - passed - failed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
[ "$not_run" -gt 0 ] && echo "($not_run tests neither passed nor failed)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
