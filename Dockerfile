# Production image: installs, builds, and on start applies migrations, loads the code lists,
# the demo accounts and the demo data (when the database is empty), then serves on port 3000.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/prisma-generate.mjs
COPY prisma prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["npm", "run", "demo"]
