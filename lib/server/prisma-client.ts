// Creates a Prisma client over node-postgres (Prisma 7 needs a driver adapter). Kept free of
// "server-only" so the command-line tools can share it; the app reaches it through lib/server/db.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export function createPrismaClient(connectionString: string) {
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;
