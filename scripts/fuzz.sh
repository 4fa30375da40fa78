#!/usr/bin/env bash
# Fuzzing as every role (part of `make test`): starts the debug binary with the demo data on
# one engine, collects ids that exist (scripts/fuzz_ids.py) and runs schemathesis
# (scripts/schemathesis.sh) first as an employee who supervises a team, then as the admin.
# Path parameters are drawn mostly from the real ids (scripts/schemathesis_hooks.py), so
# operations get past 404; all phases run, the stateful one included.
#
# Usage: scripts/fuzz.sh sqlite|postgres
#
# Environment:
#   KINERJA_BIN            the server binary (default target/debug/kinerja)
#   TEST_DATABASE_URL      PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
#                          a database k360_fuzz_<pid> is created on it and dropped afterwards
#   FUZZ_EMPLOYEE          the employee account (default seklur.cb@kinerja360.local)
#   SCHEMATHESIS_*         passed on to scripts/schemathesis.sh (seed, examples, time limit)
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
engine="${1:-}"
bin="${KINERJA_BIN:-$root/target/debug/kinerja}"
employee="${FUZZ_EMPLOYEE:-seklur.cb@kinerja360.local}"
pg_server="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

say() { printf '[fuzz %s] %s\n' "$engine" "$*"; }

work="$(mktemp -d)"
pg_db=""
case "$engine" in
    sqlite) db_url="sqlite://$work/fuzz.db?mode=rwc"; port="${FUZZ_PORT:-18090}" ;;
    postgres)
        pg_db="k360_fuzz_$$"
        psql -X -q -d "$pg_server" -c "DROP DATABASE IF EXISTS $pg_db" -c "CREATE DATABASE $pg_db" || exit 1
        db_url="${pg_server%/*}/$pg_db"
        port="${FUZZ_PORT:-18091}"
        ;;
    *) echo "usage: $0 sqlite|postgres" >&2; exit 2 ;;
esac

pid=""
cleanup() {
    if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi
    if [[ -n "$pg_db" ]]; then psql -X -q -d "$pg_server" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1; fi
    rm -rf "$work"
}
trap cleanup EXIT

DATABASE_URL="$db_url" KINERJA_BIND="127.0.0.1:$port" KINERJA_SEED_DEMO=true \
    KINERJA_STATIC_DIR=/nonexistent KINERJA_LOG=warn "$bin" serve >"$work/server.log" 2>&1 &
pid=$!
ok=1
for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then ok=0; break; fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.5
done
if [[ $ok -ne 0 ]]; then
    echo "the server did not start on $engine:" >&2
    tail -n 30 "$work/server.log" >&2
    exit 1
fi

python3 scripts/fuzz_ids.py "$db_url" "$work/ids.json" --focus-email "$employee" || exit 1

token_of() {
    curl -fsS -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$2\"}" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# Both sign in before any fuzzing: the fuzzed sign-ins soon throttle this address (429).
employee_token="$(token_of "$employee" 'Pegawai#2026')" || { echo "sign-in as $employee failed" >&2; exit 1; }
admin_token="$(token_of admin@kinerja360.local 'Admin#2026')" || { echo "sign-in as admin failed" >&2; exit 1; }

rc=0
# The employee first: the admin's run may reset or lock accounts.
for role in employee admin; do
    if [[ $role == employee ]]; then token="$employee_token"; else token="$admin_token"; fi
    say "schemathesis as $role"
    # Signing out would end the fuzzing session itself (every later call a 401). The task
    # inbox's nullable ids become "None" in the stateful phase's inferred links (a path of
    # another operation, not this one's input); tests/api/tasks.rs covers it.
    SCHEMATHESIS_REAL_IDS="$work/ids.json" SCHEMATHESIS_HOOKS="$root/scripts/schemathesis_hooks.py" \
        SCHEMATHESIS_EXCLUDE="logout,my_tasks" \
        SCHEMATHESIS_SEED="${SCHEMATHESIS_SEED:-20261128}" \
        bash scripts/schemathesis.sh "$port" "$token"
    r=$?
    say "as $role: exit code $r"
    [[ $r -ne 0 ]] && rc=$r
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "the server died during the run:" >&2
        tail -n 30 "$work/server.log" >&2
        exit 1
    fi
done
exit "$rc"
