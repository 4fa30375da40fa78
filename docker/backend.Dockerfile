# syntax=docker/dockerfile:1
#
# Kinerja360 backend image: the `kinerja` binary (API, Swagger UI, migrations on start).
# Build context: the repository root.
#
#   docker build -f docker/backend.Dockerfile -t kinerja360/backend .
#
# The cache mounts need BuildKit: the default of `docker build` and `docker compose` (v2).
# With the old Python docker-compose 1.x, build with
#   COMPOSE_DOCKER_CLI_BUILD=1 DOCKER_BUILDKIT=1 docker-compose build

ARG RUST_VERSION=1.95
ARG DEBIAN_RELEASE=bookworm

# ---------------------------------------------------------------- build ------
FROM rust:${RUST_VERSION}-${DEBIAN_RELEASE} AS build
WORKDIR /src

# Every workspace member's manifest and sources must be present for cargo to load
# the workspace, including the API test crate (it is not built here).
COPY Cargo.toml Cargo.lock ./
COPY backend ./backend
COPY tests/api ./tests/api

# The target folder lives in a cache mount, so the binary is copied out of it in the
# same step. --locked: the image is built from exactly the committed Cargo.lock.
RUN --mount=type=cache,id=kinerja360-cargo-registry,target=/usr/local/cargo/registry \
    --mount=type=cache,id=kinerja360-cargo-git,target=/usr/local/cargo/git \
    --mount=type=cache,id=kinerja360-target,target=/src/target \
    cargo build --release --locked --bin kinerja \
 && install -D -m 0755 target/release/kinerja /out/kinerja

# -------------------------------------------------------------- runtime ------
FROM debian:${DEBIAN_RELEASE}-slim AS runtime

# ca-certificates for TLS to PostgreSQL or other services; curl for the health check.
# Versions are not pinned: they follow bookworm's security updates.
# hadolint ignore=DL3008
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates curl \
 && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 kinerja \
 && useradd --system --uid 10001 --gid kinerja --home-dir /app --shell /usr/sbin/nologin kinerja \
 && mkdir -p /app/data/uploads \
 && chown -R kinerja:kinerja /app

COPY --from=build /out/kinerja /usr/local/bin/kinerja

WORKDIR /app
# Numeric, so runtimes that require a non-root uid (runAsNonRoot) can check it.
USER 10001:10001

# Production by default: the server refuses to start with the default JWT secret, so
# pass KINERJA_JWT_SECRET (and DATABASE_URL for PostgreSQL). Without DATABASE_URL the
# server uses SQLite in /app/data (mount a volume there to keep it).
# The SPA is served by the nginx image (docker/frontend.Dockerfile): KINERJA_STATIC_DIR
# is empty here; mount a built frontend/dist there to serve the SPA without nginx.
ENV KINERJA_BIND=0.0.0.0:8080 \
    KINERJA_ENV=production \
    KINERJA_STATIC_DIR=/app/static \
    RUST_LOG=info

EXPOSE 8080

HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/api/health"]

# Runs pending migrations, then serves.
CMD ["kinerja", "serve"]
