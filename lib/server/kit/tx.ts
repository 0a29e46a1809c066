import "server-only";
// The one type for "a transaction or the client itself", which data-layer helpers take so that
// a caller decides the transaction (and the audit row joins it).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { db } from "@/lib/server/db";

export type Tx = Prisma.TransactionClient | typeof db;
