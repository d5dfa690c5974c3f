# Production image: build with the dev tool chain, run with production dependencies only.
FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# `staffing <command>`: the command line (package.json "bin"; the build keeps it executable).
RUN ln -s /app/dist/src/cli/cli.js /usr/local/bin/staffing
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
