import "server-only";
// The application's single Prisma client, and the pg pool under it. Only the data layer
// (lib/server/**) imports them; pages, routes and actions go through the functions of
// lib/server/<domain>/ that check access first. Created on first use, so that `next build`
// (which loads modules) needs no database.
import type pg from "pg";
import { createPool, createPrismaClient, type Db } from "./prisma-client";

interface Connection { db: Db; pool: pg.Pool }
const globalForDb = globalThis as unknown as { __inburgeringDb?: Connection };

function instance(): Connection {
  if (!globalForDb.__inburgeringDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL ontbreekt: start de app met `npm run demo` of zet DATABASE_URL.");
    const pool = createPool(url);
    globalForDb.__inburgeringDb = { db: createPrismaClient(url, pool), pool };
  }
  return globalForDb.__inburgeringDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = instance().db;
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

/** The pg pool under `db`, for statements built as text with numbered parameters (reports). */
export function sqlPool(): pg.Pool {
  return instance().pool;
}
