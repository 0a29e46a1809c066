// Creates a Prisma client over node-postgres (Prisma 7 needs a driver adapter). Kept free of
// "server-only" so the command-line tools can share it; the app reaches it through lib/server/db.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";

export function createPool(connectionString: string, extra: pg.PoolConfig = {}): pg.Pool {
  return new pg.Pool({ connectionString, max: 10, ...extra });
}

/** A Prisma client over `pool` (by default a pool of its own). */
export function createPrismaClient(connectionString: string, pool: pg.Pool = createPool(connectionString)) {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

export type Db = ReturnType<typeof createPrismaClient>;
