// Prisma CLI configuration. The application itself connects through lib/server/db (driver
// adapter), and migrations are applied by scripts/db-migrate.ts on machines without Prisma's
// native engine; `prisma migrate deploy` reads the same folder elsewhere.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/inburgering" },
});
