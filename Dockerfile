# syntax=docker/dockerfile:1
# One multi-stage build for the four services: `docker build --target
# collector .` (compose names the target per service). The build stage
# compiles every library and service; each runtime stage carries production
# dependencies and compiled output only, and runs as the non-root `node`
# user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json ./
COPY libs ./libs
COPY services ./services
# Workspaces the lock file lists; copied so `npm ci` matches, then removed.
COPY tools ./tools
COPY tests ./tests
RUN npm ci --no-audit --no-fund
RUN npx turbo run build --filter='./libs/*' --filter='./services/*'
RUN npm prune --omit=dev \
  && rm -rf libs/*/src services/*/src tools tests

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Where the alerter and logger write (a named volume takes this owner).
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/libs ./libs
USER node

FROM runtime AS collector
COPY --from=build --chown=node:node /app/services/collector ./services/collector
EXPOSE 9101
CMD ["node", "services/collector/dist/main.js"]

FROM runtime AS scorer
COPY --from=build --chown=node:node /app/services/scorer ./services/scorer
EXPOSE 9102
CMD ["node", "services/scorer/dist/main.js"]

FROM runtime AS alerter
COPY --from=build --chown=node:node /app/services/alerter ./services/alerter
EXPOSE 9103
CMD ["node", "services/alerter/dist/main.js"]

FROM runtime AS logger
COPY --from=build --chown=node:node /app/services/logger ./services/logger
EXPOSE 9104
CMD ["node", "services/logger/dist/main.js"]
