import "server-only";
// Refused requests leave an audit row (request.refused): who (when known), what path and method,
// which permission, and why. Written in its own statement — there is no change to join — and a
// failure to write it never turns a refusal into a 500.
import type { Permission } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { logError, redactNationalNumbers } from "./log-error";

export type RefusalReason = "unauthenticated" | "forbidden" | "origin.foreign" | "origin.missing" | "origin.cross-site" | "content-type";

export interface Refusal {
  kind: "action" | "route";
  path: string;
  method: string;
  permission: Permission | null;
  reason: RefusalReason;
}

export async function auditRefusal(actor: Actor | null, r: Refusal): Promise<void> {
  try {
    const path = redactNationalNumbers(r.path).slice(0, 200);
    await recordAudit(db, actor, {
      action: "request.refused",
      entityType: "request",
      reason: r.reason,
      after: { kind: r.kind, path, method: r.method, permission: r.permission, reason: r.reason },
    });
  } catch (e) {
    logError("audit request.refused", e);
  }
}
