# syntax=docker/dockerfile:1
#
# Kinerja360 web image: the built React SPA served by nginx, which also proxies the
# API, the OpenAPI document and Swagger UI to the backend service (see docker/nginx.conf).
# Build context: the repository root (the build reads openapi/openapi.json for the
# generated API types).
#
#   docker build -f docker/frontend.Dockerfile -t kinerja360/frontend .

ARG NODE_VERSION=20

# ---------------------------------------------------------------- build ------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src/frontend

ENV CI=true \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm_config_update_notifier=false

# Dependencies first, so they are reinstalled only when the lockfile changes.
COPY frontend/package.json frontend/package-lock.json ./
RUN --mount=type=cache,id=kinerja360-npm,target=/root/.npm \
    npm ci --no-audit --no-fund

COPY openapi /src/openapi
COPY frontend /src/frontend
RUN npm run build

# -------------------------------------------------------------- runtime ------
FROM nginx:1.27-alpine AS runtime

COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/nginx-security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY --from=build /src/frontend/dist /usr/share/nginx/html

EXPOSE 80

HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 \
    CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1/healthz"]
