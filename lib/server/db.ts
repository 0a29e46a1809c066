import "server-only";
// The application's single Prisma client. Only the data layer (lib/server/**) imports it; pages,
// routes and actions go through the functions of lib/server/<domain>/ that check access first.
import { createPrismaClient, type Db } from "./prisma-client";

const globalForDb = globalThis as unknown as { __inburgeringDb?: Db };

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL ontbreekt: start de app met `npm run demo` of zet DATABASE_URL.");
  return url;
}

export const db: Db = globalForDb.__inburgeringDb ?? createPrismaClient(databaseUrl());
if (process.env.NODE_ENV !== "production") globalForDb.__inburgeringDb = db;
