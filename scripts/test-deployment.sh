#!/usr/bin/env bash
# The deployment as shipped: Debian's nginx runs the project's own docker/nginx.conf and
# docker/nginx-security-headers.conf (only addresses and paths substituted) in front of the
# `kinerja` binary, and a citizen, a signed-in user and a live event go through it: the SPA
# and its assets, sign-in and an API call, the citizen form at /f/<token> (GET and POST),
# Server-Sent Events arriving unbuffered, Swagger UI, and the security and cache headers.
# The same checks then run against the binary alone (it serves the SPA itself).
# Called by `make test` (scripts/test-all.sh); ADR 0012.
#
# Usage: scripts/test-deployment.sh
# Environment:
#   KINERJA_BIN   the server binary (default: $TARGET_DIR/debug/kinerja, built when missing)
#   TARGET_DIR    cargo target folder (default: $CARGO_TARGET_DIR or ./target)
#   NGINX         nginx binary (default: nginx on PATH, or /usr/sbin/nginx; Debian: nginx-light)
# Exits non-zero on any failed check; kills nginx, the server and curl on any exit.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
target="${TARGET_DIR:-${CARGO_TARGET_DIR:-target}}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
bin="${KINERJA_BIN:-$target/debug/kinerja}"
nginx_bin="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
dist="$root/frontend/dist"

passed=0
failed=0
pids=()
tmp="$(mktemp -d -t kinerja-deploy.XXXXXX)"

cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '[deploy] %s\n' "$*"; }
ok() { printf '  ok    %s\n' "$*"; passed=$((passed + 1)); }
bad() { printf '  FAIL  %s\n' "$*"; failed=$((failed + 1)); }
die() { printf '[deploy] ERROR: %s\n' "$*" >&2; exit 1; }
# check DESCRIPTION COMMAND...: one check, passing when the command succeeds.
check() {
    local what="$1"
    shift
    if "$@"; then ok "$what"; else bad "$what"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for() { # URL SECONDS
    local i
    for ((i = 0; i < $2 * 4; i++)); do
        if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
        sleep 0.25
    done
    return 1
}

# ------------------------------------------------------------------ requests ---
# req NAME METHOD URL [curl args...]: body in $tmp/NAME.body, headers in $tmp/NAME.head,
# status in $status.
status=""
req() {
    local name="$1" method="$2" url="$3"
    shift 3
    status="$(curl -sS -X "$method" -o "$tmp/$name.body" -D "$tmp/$name.head" -w '%{http_code}' \
        --max-time 15 "$@" "$url" 2>"$tmp/$name.err")" || status="curl failed: $(cat "$tmp/$name.err")"
}
# All values of a response header (lower-case name), one a line.
header() { grep -i "^$2:" "$tmp/$1.head" | cut -d: -f2- | sed 's/^ *//; s/\r$//'; }
header_count() { grep -ci "^$2:" "$tmp/$1.head"; }
is_status() { [[ "$status" == "$1" ]] || { printf '        got status %s\n' "$status"; return 1; }; }
has_header() { # NAME HEADER SUBSTRING
    local v
    v="$(header "$1" "$2")"
    [[ "$v" == *"$3"* ]] || { printf '        %s: "%s"\n' "$2" "$v"; return 1; }
}
lacks_header() { [[ -z "$(header "$1" "$2")" ]] || { printf '        unexpected %s: %s\n' "$2" "$(header "$1" "$2")"; return 1; }; }
one_header() { [[ "$(header_count "$1" "$2")" == 1 ]] || { printf '        %s headers: %s\n' "$2" "$(header_count "$1" "$2")"; return 1; }; }
body_has() { grep -qF -- "$2" "$tmp/$1.body" || { printf '        body lacks "%s"\n' "$2"; return 1; }; }
script_src_strict() { # the CSP's script-src allows this origin only: no inline, no eval
    local v
    v="$(header "$1" content-security-policy | tr ';' '\n' | grep -E '^ *script-src ' || true)"
    [[ "$v" =~ ^\ *script-src\ \'self\'\ *$ ]] || { printf '        script-src: "%s"\n' "$v"; return 1; }
}
no_inline_script() {
    python3 - "$tmp/$1.body" <<'PY'
import re, sys
tags = re.findall(r"<script\b[^>]*>", open(sys.argv[1], encoding="utf-8").read(), re.I)
inline = [t for t in tags if not re.search(r"\bsrc=", t)]
if inline or not tags:
    print("        inline script tags:", inline or "no script at all")
    sys.exit(1)
PY
}
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$tmp/$1.body"; }

baseline_headers() { # NAME: the headers every response carries
    has_header "$1" x-content-type-options nosniff &&
        has_header "$1" referrer-policy no-referrer &&
        has_header "$1" permissions-policy "camera=()" &&
        has_header "$1" permissions-policy "geolocation=()" &&
        has_header "$1" x-frame-options DENY &&
        one_header "$1" content-security-policy &&
        has_header "$1" content-security-policy "frame-ancestors 'none'"
}

# ------------------------------------------------------------------- checks ---
# run_checks LABEL BASE_URL: everything a browser, a citizen and the API go through.
run_checks() {
    local label="$1" base="$2" p="$1"
    say "checks through $label ($base)"

    req "$p-root" GET "$base/"
    check "$label: GET / is the SPA's index.html" \
        eval 'is_status 200 && body_has "$p-root" "<div id=\"root\">" && has_header "$p-root" content-type text/html'
    check "$label: index.html is not cached (Cache-Control: no-cache)" has_header "$p-root" cache-control no-cache
    check "$label: index.html has the strict CSP (script-src 'self' only)" script_src_strict "$p-root"
    check "$label: index.html carries nosniff, referrer, permissions, frame headers, one CSP" baseline_headers "$p-root"
    check "$label: the built index.html has no inline script (every <script> has a src)" no_inline_script "$p-root"

    req "$p-deep" GET "$base/me/results"
    check "$label: a deep link (/me/results) gets index.html" \
        eval 'is_status 200 && body_has "$p-deep" "<div id=\"root\">" && has_header "$p-deep" cache-control no-cache'

    local asset
    asset="$(grep -oE '/assets/[^"]+\.js' "$tmp/$p-root.body" | head -n 1)"
    if [[ -z "$asset" ]]; then
        bad "$label: index.html names a script under /assets/"
    else
        req "$p-asset" GET "$base$asset"
        check "$label: $asset is served as JavaScript" \
            eval 'is_status 200 && has_header "$p-asset" content-type javascript'
        check "$label: $asset is cached for a year (public, max-age=31536000, immutable)" \
            eval 'has_header "$p-asset" cache-control "max-age=31536000" && has_header "$p-asset" cache-control immutable && has_header "$p-asset" cache-control public'
        check "$label: $asset carries the security headers" baseline_headers "$p-asset"
    fi
    req "$p-noasset" GET "$base/assets/missing-0000.js"
    check "$label: a missing asset is a 404, not the SPA, and not cached for a year" \
        eval 'is_status 404 && ! grep -qi "immutable" "$tmp/$p-noasset.head"'

    req "$p-login" POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d '{"username":"admin@kinerja360.local","password":"Admin#2026"}'
    check "$label: sign-in as the demo admin (POST /api/v1/auth/login)" is_status 200
    check "$label: the sign-in answer (tokens) is not stored (Cache-Control: no-store)" \
        has_header "$p-login" cache-control no-store
    local token
    token="$(json "$p-login" 'd["access_token"]' 2>/dev/null || true)"
    [[ -n "$token" ]] || { bad "$label: the sign-in answer has an access token"; return; }

    req "$p-me" GET "$base/api/v1/me" -H "Authorization: Bearer $token"
    check "$label: GET /api/v1/me with the token" eval 'is_status 200 && body_has "$p-me" "admin@kinerja360.local"'
    check "$label: the authenticated answer is never cached (Cache-Control: no-store)" \
        has_header "$p-me" cache-control no-store
    check "$label: the API answer has the API's CSP (default-src 'none') and the security headers" \
        eval 'has_header "$p-me" content-security-policy "default-src '"'"'none'"'"'" && baseline_headers "$p-me"'

    req "$p-targets" GET "$base/api/v1/feedback-targets?kind=employee&per_page=5" -H "Authorization: Bearer $token"
    check "$label: GET /api/v1/feedback-targets (an API call with the token)" is_status 200
    check "$label: the target list is not stored (no-store)" has_header "$p-targets" cache-control no-store
    local form_token
    form_token="$(json "$p-targets" 'd["items"][0]["token"]' 2>/dev/null || true)"
    [[ -n "$form_token" ]] || { bad "$label: the demo data has an employee feedback target"; return; }

    req "$p-form" GET "$base/f/$form_token"
    check "$label: GET /f/<token> is the citizen form (from the backend, not the SPA)" \
        eval 'is_status 200 && body_has "$p-form" "<form method=\"post\"" && ! grep -qF "<div id=\"root\">" "$tmp/$p-form.body"'
    check "$label: the form keeps its own CSP (one header: default-src 'none')" \
        eval 'one_header "$p-form" content-security-policy && has_header "$p-form" content-security-policy "default-src '"'"'none'"'"'"'
    check "$label: the form is not stored and sends no referrer" \
        eval 'has_header "$p-form" cache-control no-store && has_header "$p-form" referrer-policy no-referrer'

    # Live events: open the stream, then a citizen's submission must arrive within seconds.
    local sse="$tmp/$p-sse.out"
    : >"$sse"
    # The stream opens with a single-use ticket (ADR 0016); a token in the URL is refused.
    req "$p-in-url" GET "$base/api/v1/events?access_token=$token"
    check "$label: an access token in the URL opens no stream (401 token_in_url)" \
        eval 'is_status 401 && body_has "$p-in-url" token_in_url'
    req "$p-ticket" POST "$base/api/v1/events/ticket" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d '{}'
    check "$label: an event ticket (POST /api/v1/events/ticket)" is_status 200
    local ticket
    ticket="$(json "$p-ticket" 'd["ticket"]' 2>/dev/null || true)"
    curl -sS -N --compressed --max-time 30 "$base/api/v1/events?ticket=$ticket" >"$sse" 2>/dev/null &
    local curl_pid=$!
    pids+=("$curl_pid")
    local i
    for ((i = 0; i < 40; i++)); do
        grep -q '^event: ready' "$sse" && break
        sleep 0.25
    done
    check "$label: the event stream opens (GET /api/v1/events?ticket=…)" grep -q '^event: ready' "$sse"

    local fields
    fields="$(python3 - "$tmp/$p-form.body" <<'PY'
import re, sys, urllib.parse
html = open(sys.argv[1], encoding="utf-8").read()
best = {}
for name, value in re.findall(r'<input type="radio" name="([^"]+)" value="([^"]+)"', html):
    best[name] = max(best.get(name, value), value, key=int)
best["comment"] = "Pelayanan cepat (deployment test)"
print(urllib.parse.urlencode(best))
PY
)"
    local t0=$SECONDS
    req "$p-submit" POST "$base/f/$form_token" -H 'Content-Type: application/x-www-form-urlencoded' --data "$fields"
    check "$label: POST /f/<token> (the form's answers) gives the thank-you page" \
        eval 'is_status 200 && body_has "$p-submit" "Terima kasih"'
    for ((i = 0; i < 20; i++)); do
        grep -q '^event: feedback_received' "$sse" && break
        sleep 0.25
    done
    check "$label: the feedback_received event arrives on the open stream within 5 s (unbuffered)" \
        grep -q '^event: feedback_received' "$sse"
    printf '        (after %ss)\n' "$((SECONDS - t0))"
    kill "$curl_pid" 2>/dev/null
    wait "$curl_pid" 2>/dev/null

    req "$p-swagger" GET "$base/swagger-ui/"
    check "$label: Swagger UI (/swagger-ui/) is served by the backend" \
        eval 'is_status 200 && grep -qi swagger "$tmp/$p-swagger.body"'
    check "$label: Swagger UI has its own CSP, scripts from this origin only" \
        eval 'script_src_strict "$p-swagger" && baseline_headers "$p-swagger"'
    req "$p-spec" GET "$base/api-docs/openapi.json"
    check "$label: the OpenAPI document (/api-docs/openapi.json)" \
        eval 'is_status 200 && body_has "$p-spec" "\"openapi\""'
}

# -------------------------------------------------------------------- setup ---
[[ -x "$nginx_bin" ]] || die "nginx not found (Debian: apt-get install nginx-light); set NGINX"
command -v curl >/dev/null || die "curl not found"
if [[ ! -x "$bin" ]]; then
    say "building the server: cargo build --bin kinerja"
    cargo build --bin kinerja || die "could not build the server"
fi
if [[ ! -f "$dist/index.html" ]]; then
    say "building the SPA: npm run build"
    (cd frontend && npm run build) || die "could not build the SPA"
fi

backend_port="$(free_port)"
nginx_port="$(free_port)"
while [[ "$nginx_port" == "$backend_port" ]]; do nginx_port="$(free_port)"; done

say "server: $bin on 127.0.0.1:$backend_port (SQLite in $tmp, demo data)"
DATABASE_URL="sqlite://$tmp/x.db?mode=rwc" KINERJA_SEED_DEMO=true KINERJA_STATIC_DIR="$dist" \
    KINERJA_BIND="127.0.0.1:$backend_port" KINERJA_UPLOAD_DIR="$tmp/uploads" KINERJA_LOG=warn \
    "$bin" serve >"$tmp/server.log" 2>&1 &
pids+=("$!")
if ! wait_for "http://127.0.0.1:$backend_port/api/health" 120; then
    tail -n 30 "$tmp/server.log" >&2
    die "the server did not start"
fi

# docker/nginx.conf is a conf.d file (inside http {}): wrap it, as the nginx image does.
ngx="$tmp/nginx"
mkdir -p "$ngx/logs" "$ngx/snippets"
cp docker/nginx-security-headers.conf "$ngx/snippets/security-headers.conf"
sed -e "s#listen 80 default_server;#listen 127.0.0.1:$nginx_port default_server;#" \
    -e "s#\"backend:8080\"#\"127.0.0.1:$backend_port\"#" \
    -e "s#/etc/nginx/snippets/security-headers.conf#$ngx/snippets/security-headers.conf#" \
    -e "s#root /usr/share/nginx/html;#root $dist;#" \
    docker/nginx.conf >"$ngx/default.conf"
for want in "listen 127.0.0.1:$nginx_port" "127.0.0.1:$backend_port" "root $dist;" "$ngx/snippets/"; do
    grep -qF "$want" "$ngx/default.conf" || die "docker/nginx.conf changed shape: could not substitute '$want'"
done
mime=/etc/nginx/mime.types
[[ -f "$mime" ]] || die "$mime not found (nginx-common)"
{
    # As root, workers run as root too, so they can read the work tree wherever it is.
    [[ "$(id -u)" -eq 0 ]] && echo "user root;"
    echo "worker_processes 1;"
    echo "events { worker_connections 256; }"
    echo "http {"
    echo "    include $mime;"
    echo "    default_type application/octet-stream;"
    echo "    access_log $ngx/logs/access.log;"
    for t in client_body proxy fastcgi uwsgi scgi; do echo "    ${t}_temp_path $ngx/$t;"; done
    echo "    include $ngx/default.conf;"
    echo "}"
} >"$ngx/nginx.conf"
nginx_args=(-p "$ngx" -c "$ngx/nginx.conf" -g "daemon off; pid $ngx/nginx.pid; error_log $ngx/logs/error.log;")
"$nginx_bin" -t "${nginx_args[@]}" >"$tmp/nginx-t.log" 2>&1 || { cat "$tmp/nginx-t.log" >&2; die "nginx -t failed on docker/nginx.conf"; }
say "nginx: $("$nginx_bin" -v 2>&1) with docker/nginx.conf on 127.0.0.1:$nginx_port"
"$nginx_bin" "${nginx_args[@]}" >"$tmp/nginx.log" 2>&1 &
pids+=("$!")
wait_for "http://127.0.0.1:$nginx_port/healthz" 20 || { cat "$tmp/nginx.log" "$ngx/logs/error.log" >&2; die "nginx did not start"; }

# -------------------------------------------------------------------- run -----
nginx_base="http://127.0.0.1:$nginx_port"
req nginx-health GET "$nginx_base/healthz"
check "nginx: /healthz answers ok" eval 'is_status 200 && body_has nginx-health ok'
run_checks nginx "$nginx_base"
run_checks binary "http://127.0.0.1:$backend_port"

if ((failed > 0)); then
    say "nginx error log (tail):"
    tail -n 20 "$ngx/logs/error.log" 2>/dev/null
    say "server log (tail):"
    tail -n 20 "$tmp/server.log"
fi
say "summary: $passed checks passed, $failed failed"
((failed == 0))
