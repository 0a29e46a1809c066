import "server-only";
// The application's single Prisma client, and the pg pool under it. Only the data layer
// (lib/server/**) imports them; pages, routes and actions go through the functions of
// lib/server/<domain>/ that check access first. Created on first use, so that `next build`
// (which loads modules) needs no database.
import type pg from "pg";
import { serverEnv } from "./env";
import { createPool, createPrismaClient, type Db } from "./prisma-client";

interface Connection {
  db: Db;
  pool: pg.Pool;
}
const globalForDb = globalThis as unknown as { __inburgeringDb?: Connection; __inburgeringReportsDb?: { url: string; pool: pg.Pool } };

/** How long an unused connection of the app's pool stays open. */
const IDLE_CONNECTION_MS = 15 * 60_000;

function instance(): Connection {
  if (!globalForDb.__inburgeringDb) {
    const { DATABASE_URL: url, DATABASE_POOL_SIZE: max } = serverEnv();
    // idle connections are kept (node-postgres closes them after 10 s by default): a new one costs
    // a fork, the SCRAM handshake and a cold catalog cache, and each kept one holds the plans of
    // the statements it ran (the report triggers' among them, prisma/sql/reports/50-refresh-rebuild.sql);
    // allowExitOnIdle: an idle pool never keeps a script or a test process alive
    const pool = createPool(url, { max, idleTimeoutMillis: IDLE_CONNECTION_MS, allowExitOnIdle: true });
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

/**
 * The pg pool of the read replica (REPORTS_DATABASE_URL), null when none is configured. Only the
 * report reads use it, through lib/server/reports/report-source.ts, which checks its freshness
 * and falls back to sqlPool(). A short connect timeout: a dead replica must cost a report 2 s
 * once, not the driver's default wait (report-source.ts then skips it for a few seconds).
 */
export function reportsPool(): pg.Pool | null {
  const url = serverEnv().REPORTS_DATABASE_URL;
  if (!url) return null;
  const current = globalForDb.__inburgeringReportsDb;
  if (current?.url === url) return current.pool;
  // a changed URL (tests switch replicas): the old pool's connections are closed
  void current?.pool.end().catch(() => {});
  const pool = createPool(url, { connectionTimeoutMillis: 2000 });
  // an idle connection dropped by a stopped replica must not crash the process (pg emits "error"
  // on the pool); the next report finds out through its probe
  pool.on("error", () => {});
  globalForDb.__inburgeringReportsDb = { url, pool };
  return pool;
}
