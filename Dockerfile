# Orchard's web and worker image, built the way CI builds it (scripts/provision.sh, scripts/test.sh):
# npm ci (whose postinstall generates the Prisma clients for SQLite and PostgreSQL), then the
# production build. One image, two commands: the default runs the web process (`npm start`), and
#   docker run … orchard node_modules/.bin/tsx scripts/worker.ts
# runs a worker. Both migrate the database at start, under a lock. See docs/operations.md.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 ORCHARD_RUN_WORKERS=none
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# tsx directly, not npm: the process receives SIGTERM itself and stops gracefully (scripts/serve.ts).
CMD ["node_modules/.bin/tsx", "scripts/serve.ts"]
