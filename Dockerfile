# One image for every Roost app; docker-compose.yml picks the app with its command:
#   node dist/apps/<app>/src/main.js
# Three stages: `build` has every dependency (swc, Vite, the test tools) and compiles; `runtime-deps`
# installs the production dependencies only; the final stage takes the compiled services, the
# console's build and those dependencies, and nothing else: no TypeScript sources, tests, source
# maps, dev dependencies or compilers (scripts/deployment.spec.ts checks this file).
FROM node:20-bookworm-slim AS build
WORKDIR /app

# Dependencies first, so that editing apps/ does not reinstall node_modules. The libs are npm
# workspaces: npm ci needs their package.json files, so libs/ comes in with the manifests.
COPY package.json package-lock.json ./
COPY libs ./libs
RUN npm ci --no-audit --no-fund

COPY . .

# The console (a static browser app) is built once into apps/console/dist; the gateway serves it.
RUN npx vite build --config apps/console/vite.config.mts

# The services are compiled to JavaScript under dist/ (scripts/lib/build-services.js, swc), so no
# compiler is loaded into a running service: ~90 MB less resident memory each (PERFORMANCE.md B8).
# The test helpers (libs/testing, apps/*/src/testing: no service imports them) and the source maps
# stay behind.
RUN node scripts/lib/build-services.js \
  && rm -rf dist/libs/testing dist/apps/*/src/testing \
  && find dist -name '*.map' -delete

FROM node:20-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs ./libs
# Production dependencies only. Optional ones are the platform binaries of swc and of the embedded
# PostgreSQL (npm start's fallback), which a compiled service never loads; no install scripts run.
# The workspace links (node_modules/@roost/*) go: the build rewrote @roost/* imports to relative ones.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/@roost \
  && npm cache clean --force

FROM node:20-bookworm-slim
# Production unless the deployment says otherwise: the demo JWT secret, a short secret and the demo
# seed are refused, introspection is off (docker-compose.yml runs the laptop demo as development).
ENV NODE_ENV=production
# A 4 MB young generation: 15-20 MB less per service at rest (scripts/lib/tools.js SERVICE_NODE_FLAGS).
ENV NODE_OPTIONS=--max-semi-space-size=4
WORKDIR /app

# The code belongs to root and is read-only to the app's user. package.json marks the root that
# libs/platform's repoPath finds from dist/. Only apps/gateway is the app user's: in development
# the gateway writes its generated schema.graphql there.
COPY package.json ./
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/console/dist ./apps/console/dist
COPY --from=build --chown=node:node /app/apps/gateway/schema.graphql ./apps/gateway/schema.graphql
RUN chown node:node apps/gateway

# The unprivileged `node` user of the base image (uid 1000), never root.
USER node
EXPOSE 4000 4100 4201 4202 4203 4204
# The default; docker-compose.yml overrides it per service. The first admin of a brand:
#   docker compose exec routing node dist/apps/routing/src/admin-cli.js create --brand <id|name> --email <e-mail>
CMD ["node", "dist/apps/gateway/src/main.js"]
