# One image for every Roost app; docker-compose.yml picks the app with its command:
#   node dist/apps/<app>/src/main.js
FROM node:20-bookworm-slim

# Everything belongs to the unprivileged `node` user of the base image, so an app may write into
# its own folder (e.g. the gateway's generated schema file) without running as root.
RUN mkdir -p /app && chown node:node /app
WORKDIR /app
USER node

# Dependencies first, so that editing apps/ does not reinstall node_modules. The libs are npm
# workspaces: npm ci needs their package.json files, so libs/ comes in with the manifests.
COPY --chown=node:node package.json package-lock.json ./
COPY --chown=node:node libs ./libs
RUN npm ci --no-audit --no-fund && npm cache clean --force

COPY --chown=node:node . .

# The console (a static browser app) is built once into apps/console/dist; the gateway serves it.
RUN npx vite build --config apps/console/vite.config.mts

# The services are compiled to JavaScript under dist/ (scripts/lib/build-services.js, swc), so no
# compiler is loaded into a running service: ~90 MB less resident memory each (PERFORMANCE.md B8).
# @swc-node/register stays for one-off tools such as `npm run migrate`.
RUN node scripts/lib/build-services.js

# NODE_ENV is left unset on purpose: Roost sets behaviour (e.g. GraphQL introspection) explicitly.
# A 4 MB young generation: 15-20 MB less per service at rest (scripts/lib/tools.js SERVICE_NODE_FLAGS).
ENV NODE_OPTIONS=--max-semi-space-size=4
EXPOSE 4000 4100 4201 4202 4203 4204
# The default; docker-compose.yml overrides it per service.
CMD ["node", "dist/apps/gateway/src/main.js"]
