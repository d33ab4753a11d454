# edgar-corresp: the same image runs workers, the crawler and one-off commands (see docker-compose.yml).
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# The lock also provisions Node 24 through the `node` devDependency; the base image already has it, so omit dev.
RUN npm ci --omit=dev && npm cache clean --force
COPY config ./config
COPY src ./src
COPY workers ./workers
# Named volumes take the ownership of the directory they are mounted on when first created.
RUN mkdir -p /data/archive && chown node:node /data/archive
USER node
ENTRYPOINT ["node", "src/cli/main.ts"]
CMD ["--help"]
