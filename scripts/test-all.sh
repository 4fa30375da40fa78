#!/usr/bin/env bash
# Runs every test suite of Kinerja360, in order, and prints what ran.
# Called by `make test`. Every suite runs even when an earlier one fails; the exit code is
# non-zero when any failed. Nothing is skipped silently: a suite that cannot run fails.
#
# Environment:
#   TARGET_DIR         cargo target folder (default: $CARGO_TARGET_DIR or ./target)
#   TEST_DATABASE_URL  PostgreSQL for the API suite (default postgres://postgres@127.0.0.1:5432/postgres)
#   CHROMIUM_PATH      browser for Playwright (default /usr/bin/chromium)
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
target="${TARGET_DIR:-${CARGO_TARGET_DIR:-target}}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
bin="$target/debug/kinerja"
pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

results=()
failed=0
passed=0
t0=$SECONDS

suite() {
    local name="$1"
    shift
    local start=$SECONDS
    printf '\n==== suite: %s\n' "$name"
    if "$@"; then
        results+=("$(printf '  PASS  %-44s %4ss' "$name" "$((SECONDS - start))")")
        passed=$((passed + 1))
    else
        results+=("$(printf '  FAIL  %-44s %4ss' "$name" "$((SECONDS - start))")")
        failed=$((failed + 1))
    fi
}

need_pg() {
    if ! pg_isready -q -d "$pg_url" 2>/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
        echo "PostgreSQL is not reachable at $pg_url: start it (see README) — this suite is required" >&2
        return 1
    fi
}

api_sqlite() { env -u TEST_DATABASE_URL cargo test -p api-tests; }
api_postgres() { need_pg && TEST_DATABASE_URL="$pg_url" cargo test -p api-tests; }

e2e() {
    (cd frontend && npm run build) || return 1
    (cd frontend && E2E_SERVER_CMD="$bin serve" CI="${CI:-true}" npm run e2e)
}

suite "build server (debug)" cargo build --bin kinerja
suite "layers and file sizes (ADR 0011)" python3 scripts/check_layers.py
suite "rustfmt --check" cargo fmt --all -- --check
suite "clippy -D warnings" cargo clippy --workspace --all-targets -- -D warnings
suite "frontend lint (eslint)" bash -c 'cd frontend && npm run lint'
suite "frontend type check (tsc)" bash -c 'cd frontend && npm run typecheck'
suite "Rust unit tests" cargo test -p kinerja-server -p migration -p entity
suite "SMTP receiver for the API tests (aiosmtpd)" bash scripts/smtp-receiver.sh
suite "API tests on SQLite" api_sqlite
suite "API tests on PostgreSQL" api_postgres
suite "OpenAPI drift (openapi/openapi.json)" "$bin" openapi --check --output openapi/openapi.json
suite "frontend types drift (schema.d.ts)" bash -c 'cd frontend && npm run check:api'
suite "frontend unit tests (Vitest)" bash -c 'cd frontend && npm test'
suite "docker-compose.yml validation" bash scripts/validate-compose.sh
suite "end-to-end (Playwright, Chromium)" e2e
suite "deployment: nginx.conf + binary (ADR 0012)" env KINERJA_BIN="$bin" bash scripts/test-deployment.sh
suite "API fuzzing as employee + admin on SQLite" env KINERJA_BIN="$bin" bash scripts/fuzz.sh sqlite
suite "API fuzzing as employee + admin on PostgreSQL" bash -c 'need() { pg_isready -q -h 127.0.0.1 -p 5432; }; need || { echo "PostgreSQL is not reachable" >&2; exit 1; }; KINERJA_BIN="$0" TEST_DATABASE_URL="$1" bash scripts/fuzz.sh postgres' "$bin" "$pg_url"

printf '\n==== summary (%ss)\n' "$((SECONDS - t0))"
printf '%s\n' "${results[@]}"
printf 'suites: %d passed, %d failed\n' "$passed" "$failed"
[[ $failed -eq 0 ]]
