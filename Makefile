# Kinerja360 — the two commands: `make run` and `make test`. See README.md.
#
# Honours CARGO_TARGET_DIR (CI keeps it outside the clone to reuse builds).

TARGET_DIR ?= $(or $(CARGO_TARGET_DIR),target)
BIN_DEBUG := $(abspath $(TARGET_DIR))/debug/kinerja
BIN_RELEASE := $(abspath $(TARGET_DIR))/release/kinerja
export CARGO_TERM_COLOR ?= never

.PHONY: run test frontend-deps frontend-build backend-release openapi types lint fmt bench help

help:
	@echo "make run    build the web app and the server, seed demo data on first start, serve http://127.0.0.1:8080"
	@echo "make test   every suite: fmt, clippy, lint, unit, API (SQLite + PostgreSQL), drift, Vitest, Playwright, compose, nginx, schemathesis as employee + admin on both engines"
	@echo "make bench  release build, seed a synthetic city (BENCH_SCALE, default 5500), measure reads and writes with wrk on SQLite and PostgreSQL (docs/benchmarks.md); not part of make test"
	@echo "make openapi / make types   regenerate openapi/openapi.json / frontend/src/api/schema.d.ts"

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

frontend-deps: frontend/node_modules/.package-lock.json

frontend-build: frontend-deps
	cd frontend && npm run build

backend-release:
	cargo build --release --bin kinerja

run: frontend-build backend-release
	KINERJA_SEED_DEMO=$${KINERJA_SEED_DEMO:-true} KINERJA_STATIC_DIR=$${KINERJA_STATIC_DIR:-frontend/dist} \
		$(BIN_RELEASE) serve

test: frontend-deps
	TARGET_DIR="$(TARGET_DIR)" bash scripts/test-all.sh

openapi:
	cargo run -q --bin kinerja -- openapi --output openapi/openapi.json

types: frontend-deps openapi
	cd frontend && npm run gen:api

fmt:
	cargo fmt --all

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd frontend && npm run lint && npm run typecheck

# Never part of `make test`: loads the machine for minutes. Needs wrk (apt-get install wrk).
bench: backend-release
	KINERJA_BIN="$(BIN_RELEASE)" python3 scripts/bench.py
