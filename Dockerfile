# syntax=docker/dockerfile:1
# The officials-graph API. Build: docker build -t officials-graph .   (or: docker compose up --build)
# The runtime keeps the project layout under /app (dist/, schema/, seeds/, package.json side by side):
# src/paths.ts finds PROJECT_ROOT as dist/src/../.. and reads schema/, seeds/ and package.json from there.
# Node 24 is the current LTS (Node 20 reached its end of life in April 2026); the code runs on 20 too,
# and .ci/run tests both.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: all dependencies, compile TypeScript, then drop the dev dependencies ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && rm -f dist/.tsbuildinfo \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime: production dependencies, compiled code and the data files it reads ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
# Owned by root and read-only to the `node` user: the API writes nothing under /app when NEO4J_URI is set.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY seeds ./seeds
USER node
EXPOSE 4000
# The slim image has no curl or wget: Node 20's global fetch does the probe.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
