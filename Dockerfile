# One RNN Classroom app process: the same `npm start` as on a machine (scripts/start.ts), with the
# web app built into the image. compose.yaml runs two of them behind HAProxy with PostgreSQL and
# Redis — the deployment `npm run cluster` starts without containers (deploy/cluster.ts).
# Not built or run on the development machine (it has no container runtime).
FROM node:20-bookworm-slim

# better-sqlite3 compiles when no prebuilt binary fits; pg_dump for `npm run backup` on PostgreSQL.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ postgresql-client \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
# postinstall generates the Prisma clients and copies the browser's WASM files (it needs the sources).
RUN npm install --no-audit --no-fund \
 && node --import tsx -e 'const { ensureWebBuild } = await import("./scripts/webBuild.ts"); ensureWebBuild();'

ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s CMD node -e 'fetch("http://127.0.0.1:3000/api/health").then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))'
CMD ["node", "--import", "tsx", "scripts/start.ts"]
