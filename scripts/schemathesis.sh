#!/usr/bin/env bash
# Property-based API testing of a running Kinerja360 backend against its own OpenAPI
# document, with Schemathesis (from PyPI, installed into a cached virtualenv).
#
# Usage: scripts/schemathesis.sh PORT TOKEN
#   PORT   port of a backend on 127.0.0.1 (spec at /api-docs/openapi.json)
#   TOKEN  access token sent as "Authorization: Bearer TOKEN" with every request
#
# Environment (all optional):
#   SCHEMATHESIS_MAX_EXAMPLES  test cases per operation and phase (default 20)
#   SCHEMATHESIS_WORKERS       concurrent workers (default 2)
#   SCHEMATHESIS_SEED          seed, to replay a run (st prints the seed it used)
#   SCHEMATHESIS_TIMEOUT       hard wall-clock limit in seconds (default 600)
#   SCHEMATHESIS_EXTRA_ARGS    more `st run` arguments, split on spaces, e.g.
#                              "--exclude-checks ignored_auth --report junit --report-dir /abs/dir"
#                              (st runs in the cache folder below: give paths absolute)
#   SCHEMATHESIS_PACKAGE       pip requirement (default "schemathesis~=4.32")
#   SCHEMATHESIS_EXCLUDE       operation ids to leave out, comma-separated
#   SCHEMATHESIS_HOOKS         a hooks file (scripts/schemathesis_hooks.py; read by st itself)
#   SCHEMATHESIS_REAL_IDS      JSON of real ids for those hooks (scripts/fuzz_ids.py)
#   XDG_CACHE_HOME             the venv lives in ${XDG_CACHE_HOME:-$HOME/.cache}/kinerja360/venv
#
# st runs in ${XDG_CACHE_HOME:-$HOME/.cache}/kinerja360/st-work, where it keeps its crash
# cache (.schemathesis/), so nothing is written into the work tree; `st replay ID` works
# from there. A schemathesis.toml at the repository root is used as the config file.
#
# Exits with st's exit code (0: no failure found), or 124 when the time limit was hit.
set -euo pipefail

if [[ $# -ne 2 || -z "$1" || -z "$2" ]]; then
    echo "usage: $0 PORT TOKEN" >&2
    exit 2
fi
port="$1"
token="$2"
if ! [[ "$port" =~ ^[0-9]+$ ]]; then
    echo "schemathesis.sh: PORT must be a number, got '$port'" >&2
    exit 2
fi

say() { printf '[schemathesis] %s\n' "$*"; }

cache="${XDG_CACHE_HOME:-$HOME/.cache}/kinerja360"
venv="$cache/venv"
package="${SCHEMATHESIS_PACKAGE:-schemathesis~=4.32}"
mkdir -p "$cache"

# ----------------------------------------------------------------- install ---
st_ok() { "$venv/bin/st" --version 2>/dev/null | grep -q 'version 4\.'; }

if ! st_ok; then
    # One installer at a time when several runs share the cache.
    exec 9>"$cache/venv.lock"
    flock 9
    if ! st_ok; then
        say "installing '$package' into $venv"
        rm -rf "$venv"
        if ! python3 -m venv "$venv" 2>/dev/null; then
            if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
                say "python3 -m venv failed: installing Debian's python3-venv"
                rm -rf "$venv"
                DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq python3-venv >/dev/null
                python3 -m venv "$venv"
            else
                echo "schemathesis.sh: python3 -m venv failed (install python3-venv)" >&2
                exit 1
            fi
        fi
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$package"
    fi
    flock -u 9
    exec 9>&-
fi
say "$("$venv/bin/st" --version)"

# --------------------------------------------------------------------- run ---
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
workdir="$cache/st-work"
mkdir -p "$workdir"
global=()
if [[ -f "$root/schemathesis.toml" ]]; then
    global+=(--config-file "$root/schemathesis.toml")
fi

base="http://127.0.0.1:$port"
args=(
    run "$base/api-docs/openapi.json"
    # Requests go to this origin whatever "servers" the document names; its base path is kept.
    --origin "$base"
    --checks all
    --header "Authorization: Bearer $token"
    --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-20}"
    --workers "${SCHEMATHESIS_WORKERS:-1}"
    --request-timeout 10
    --wait-for-schema 30
    # Failing examples are kept between runs and replayed first.
    --generation-database "$cache/hypothesis-db"
    # The Server-Sent Events stream never ends by design; each fuzzed request would hang
    # until the timeout. tests/api/events.rs covers it.
    --exclude-operation-id stream_events
)
# More operations to leave out, comma-separated operation ids (scripts/fuzz.sh: logout).
if [[ -n "${SCHEMATHESIS_EXCLUDE:-}" ]]; then
    IFS=',' read -r -a excluded <<<"$SCHEMATHESIS_EXCLUDE"
    for op in "${excluded[@]}"; do
        args+=(--exclude-operation-id "$op")
    done
fi
if [[ -n "${SCHEMATHESIS_SEED:-}" ]]; then
    args+=(--seed "$SCHEMATHESIS_SEED")
fi
if [[ -n "${CI:-}" ]]; then
    args+=(--no-color)
fi
if [[ -n "${SCHEMATHESIS_EXTRA_ARGS:-}" ]]; then
    read -r -a extra <<<"$SCHEMATHESIS_EXTRA_ARGS"
    args+=("${extra[@]}")
fi

limit="${SCHEMATHESIS_TIMEOUT:-600}"
say "st ${global[*]} ${args[*]//Bearer */Bearer ***}"
say "(in $workdir, time limit ${limit}s)"
set +e
# SIGINT lets st stop cleanly and still print what it found.
(cd "$workdir" && exec timeout --signal=INT --kill-after=30 "$limit" "$venv/bin/st" "${global[@]}" "${args[@]}")
rc=$?
set -e
if [[ $rc -eq 124 ]]; then
    say "ERROR: stopped after ${limit}s (SCHEMATHESIS_TIMEOUT); lower SCHEMATHESIS_MAX_EXAMPLES"
fi
if [[ $rc -ne 0 ]]; then
    say "to replay a failure: (cd $workdir && $venv/bin/st replay ID)"
fi
say "st exit code: $rc"
exit "$rc"
