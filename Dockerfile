# syntax=docker/dockerfile:1

# Benchmark Cockpit: one image for the api, the worker and the migration run
# (see docker-compose.yml for how each is started).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: all dependencies, webpack bundles in dist/apps/{api,worker,launcher} ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# No browser download (the runtime uses Debian's chromium), no install telemetry.
ENV PUPPETEER_SKIP_DOWNLOAD=true \
    SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# ---- runtime: production dependencies, chromium and fonts for PDF rendering ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PUPPETEER_SKIP_DOWNLOAD=true \
    PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium \
    CHROMIUM_PATH=/usr/bin/chromium \
    SCARF_ANALYTICS=false
# tini runs as PID 1: it forwards SIGTERM to node and reaps chromium's child processes.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      chromium \
      fonts-dejavu \
      fonts-liberation \
      ca-certificates \
      tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# The bundles keep node_modules external, so the runtime needs the production dependencies.
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY templates ./templates
# The launcher creates its data directory (.data) even when it is given DATABASE_URL and
# REDIS_URL; give the unprivileged user a place to do so.
RUN mkdir -p /app/.data && chown node:node /app/.data
# The official node image's unprivileged user (uid 1000).
USER node
EXPOSE 3000
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/apps/api/main.js"]
