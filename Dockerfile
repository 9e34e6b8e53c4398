# Eastwest Console's image: Next's standalone server (no node_modules beyond what it traces), run as a non-root user
# on a read-only root filesystem (deploy/base mounts emptyDirs for .next/cache and /tmp). Probes: GET /healthz
# (liveness) and GET /readyz (readiness). No container engine runs in this project's CI: the same server is built
# and started exactly as below by the `standalone` e2e project (`node server.js` in .next/standalone).
# syntax=docker/dockerfile:1

FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# next build, the planner worker's bundle, then static assets and the worker copied into .next/standalone.
RUN npm run build

FROM gcr.io/distroless/nodejs20-debian12:nonroot
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
COPY --from=build --chown=65532:65532 /src/.next/standalone ./
USER 65532:65532
EXPOSE 3000
# distroless's entrypoint is node; its flags are the console's (e2e/support/standalone.ts CONSOLE_NODE_FLAGS).
CMD ["--max-semi-space-size=64", "server.js"]
