# The Node server in a container: `docker build -t nestwork .`, then see the README (Container).
# Stage 1 installs everything and builds dist/; stage 2 is the runtime: production packages, the
# build, static files and the few sources `npm run backup` / `restore` need, run as `node`.

FROM node:24-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-trixie-slim
ENV NODE_ENV=production \
    PORT=8787 \
    DATABASE_URL=file:/data/nestwork.db
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/node.js /app/dist/node.js.map ./dist/
COPY --from=build /app/dist/migrations ./dist/migrations
COPY --from=build /app/static ./static
# For `npm run backup` and `npm run restore` inside the container (tsx runs them from source).
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/src ./src
COPY --from=build /app/db ./db
COPY --from=build /app/tsconfig.json ./
# The database and the uploaded files beside it: the one place the server writes.
RUN mkdir /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 and handles SIGTERM: it drains requests in flight (up to 10 s), closes the
# database and exits 0. Give `docker stop` longer than that: `--stop-timeout 15`.
STOPSIGNAL SIGTERM
CMD ["node", "dist/node.js"]
