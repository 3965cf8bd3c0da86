# One image for both processes: `node dist/apps/api/src/main.js` or `node dist/apps/worker/src/main.js`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# The worker prints certificate PDFs in Noto Serif CJK (CERTIFICATE_FONT).
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
USER node
EXPOSE 3000 3001
CMD ["node", "dist/apps/api/src/main.js"]
