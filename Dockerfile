# Production image: installs and builds in the image; on start (`npm start`) applies pending
# migrations (MIGRATION_DATABASE_URL, the owner role), loads the code lists and serves the build
# against DATABASE_URL. Seeds no accounts (first admin: `npm run user:create`) and refuses to
# start without a NEXTAUTH_SECRET of at least 32 bytes or a NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (32 bytes,
# base64; the same on every instance of this image behind a balancer: docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/prisma-generate.mjs
COPY prisma prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN NEXT_TELEMETRY_DISABLED=1 npx next build
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 NEXT_TELEMETRY_DISABLED=1
EXPOSE 3000
CMD ["npm", "start"]
