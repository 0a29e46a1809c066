// Ports of the e2e server and its database. Derived from the checkout's path, so that several
// checkouts on one machine (worktrees, CI beside a developer) never reuse each other's server.
import crypto from "node:crypto";

const offset = crypto.createHash("sha256").update(process.cwd()).digest().readUInt16BE(0) % 500;

export const e2ePort = Number(process.env.E2E_PORT ?? 3100 + offset);
export const e2ePgPort = Number(process.env.E2E_PG_PORT ?? 54400 + offset);
