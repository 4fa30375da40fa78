#!/usr/bin/env bash
# Validate the deployment files without a Docker engine:
#   - docker-compose.yml parses and interpolates (`docker-compose config -q`), with the
#     required variables set to dummy values;
#   - every Dockerfile and build context it references exists, and every file the
#     Dockerfiles COPY from the build context exists.
# Installs Debian's docker-compose (1.29.2) with apt when it is missing and we are root.
# Usage: scripts/validate-compose.sh [COMPOSE_FILE]     (default: docker-compose.yml)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
compose_file="${1:-$root/docker-compose.yml}"
errors=0

say() { printf '[validate-compose] %s\n' "$*"; }
fail() { printf '[validate-compose] ERROR: %s\n' "$*" >&2; errors=$((errors + 1)); }

if [[ ! -f "$compose_file" ]]; then
    fail "compose file not found: $compose_file"
    exit 1
fi
compose_dir="$(cd "$(dirname "$compose_file")" && pwd)"

# ---------------------------------------------------------------- the tool ---
compose=()
if command -v docker-compose >/dev/null 2>&1; then
    compose=(docker-compose)
elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
elif [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "docker-compose not found: installing Debian's docker-compose with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends docker-compose >/dev/null
    compose=(docker-compose)
else
    fail "docker-compose is not installed and cannot be installed here (needs root and apt-get)"
    exit 1
fi
say "using: $("${compose[@]}" version 2>/dev/null | head -n 1)"

# ------------------------------------------------------------ compose file ---
# Required variables (${VAR:?...}) get dummy values; a variable already set is kept.
export KINERJA_JWT_SECRET="${KINERJA_JWT_SECRET:-validate-compose-dummy-secret}"
export KINERJA_AUDIT_KEY="${KINERJA_AUDIT_KEY:-validate-compose-dummy-audit-key}"

say "checking ${compose_file#"$root"/} with '${compose[*]} config -q'"
if "${compose[@]}" -f "$compose_file" config -q; then
    say "compose file: OK"
else
    fail "compose file does not validate"
fi

# ----------------------------------------------- Dockerfiles and contexts ---
# Pairs "context<TAB>dockerfile" of every service with a build section, read from the
# normalised config (absolute context; dockerfile relative to it).
builds="$("${compose[@]}" -f "$compose_file" config 2>/dev/null | python3 -c '
import sys
try:
    import yaml
except ImportError:
    sys.exit(3)
config = yaml.safe_load(sys.stdin) or {}
for name, svc in (config.get("services") or {}).items():
    build = svc.get("build")
    if build is None:
        continue
    if isinstance(build, str):
        build = {"context": build}
    print("{}\t{}\t{}".format(name, build.get("context", "."), build.get("dockerfile", "Dockerfile")))
' || true)"

if [[ -z "$builds" ]]; then
    # No PyYAML (or no build section): fall back to a plain scan of the file.
    say "reading build sections with a plain scan"
    builds="$(awk '
        /^  [A-Za-z0-9_.-]+:[[:space:]]*$/ { svc = $1; sub(":", "", svc); ctx = "."; }
        /^      context:/    { ctx = $2 }
        /^      dockerfile:/ { printf "%s\t%s\t%s\n", svc, ctx, $2 }
    ' "$compose_file")"
fi

if [[ -z "$builds" ]]; then
    fail "no service with a build section found"
fi

while IFS=$'\t' read -r service context dockerfile; do
    [[ -n "$service" ]] || continue
    [[ "$context" = /* ]] || context="$compose_dir/$context"
    if [[ ! -d "$context" ]]; then
        fail "service $service: build context $context does not exist"
        continue
    fi
    if [[ "$dockerfile" = /* ]]; then path="$dockerfile"; else path="$context/$dockerfile"; fi
    if [[ ! -f "$path" ]]; then
        fail "service $service: Dockerfile $dockerfile does not exist"
        continue
    fi
    say "service $service: ${path#"$root"/} exists"
    # Sources of COPY/ADD from the build context (not --from=stage) must exist.
    while read -r src; do
        [[ -n "$src" ]] || continue
        # shellcheck disable=SC2086 # a glob in a COPY source is meant to expand
        if ! compgen -G "$context/$src" >/dev/null; then
            fail "service $service: $dockerfile copies '$src', which is missing from the build context"
        fi
    done < <(awk '
        toupper($1) == "COPY" || toupper($1) == "ADD" {
            n = 0
            for (i = 2; i <= NF; i++) {
                if ($i ~ /^--from=/) { n = -1; break }
                if ($i ~ /^--/) continue
                args[++n] = $i
            }
            for (i = 1; i < n; i++) print args[i]
            delete args
        }' "$path")
done <<<"$builds"

# ---------------------------------------------- Cargo workspace members ---
# The backend image copies the workspace piece by piece: every member must be copied,
# or cargo cannot load the workspace inside the image.
backend_dockerfile="$root/docker/backend.Dockerfile"
if [[ -f "$root/Cargo.toml" && -f "$backend_dockerfile" ]]; then
    if python3 - "$root/Cargo.toml" "$backend_dockerfile" <<'PY'
import glob, os, sys, tomllib
cargo_toml, dockerfile = sys.argv[1], sys.argv[2]
root = os.path.dirname(cargo_toml)
with open(cargo_toml, "rb") as f:
    members = tomllib.load(f).get("workspace", {}).get("members", [])
copied = []
for line in open(dockerfile):
    words = line.split()
    if words and words[0].upper() in ("COPY", "ADD") and not any(w.startswith("--from=") for w in words):
        srcs = [w for w in words[1:] if not w.startswith("--")][:-1]
        copied += [s.rstrip("/") for s in srcs]
missing = []
for pattern in members:
    for member in sorted(glob.glob(os.path.join(root, pattern))) or [os.path.join(root, pattern)]:
        rel = os.path.relpath(member, root)
        if not any(c == "." or rel == c or rel.startswith(c + "/") for c in copied):
            missing.append(rel)
for rel in missing:
    print(f"[validate-compose] ERROR: workspace member {rel} is not copied by docker/backend.Dockerfile", file=sys.stderr)
sys.exit(1 if missing else 0)
PY
    then
        say "backend.Dockerfile copies every Cargo workspace member"
    else
        errors=$((errors + 1))
    fi
fi

if ((errors > 0)); then
    say "FAILED with $errors error(s)"
    exit 1
fi
say "all checks passed"
