import "server-only";
// The application's single Prisma client. Only the data layer (lib/server/**) imports it; pages,
// routes and actions go through the functions of lib/server/<domain>/ that check access first.
// Created on first use, so that `next build` (which loads modules) needs no database.
import { createPrismaClient, type Db } from "./prisma-client";

const globalForDb = globalThis as unknown as { __inburgeringDb?: Db };

function instance(): Db {
  if (!globalForDb.__inburgeringDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL ontbreekt: start de app met `npm run demo` of zet DATABASE_URL.");
    globalForDb.__inburgeringDb = createPrismaClient(url);
  }
  return globalForDb.__inburgeringDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = instance();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
