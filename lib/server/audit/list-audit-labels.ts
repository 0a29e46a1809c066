import "server-only";
// Dutch labels of the audit trail: every action code (AuditAction in ./audit.ts) and the fields of
// before/after, from messages/nl/audit.json. list-audit-labels.test.ts fails when an action of
// the union has no label, so a new action cannot reach the DPO's page as a bare code.
import messages from "@/messages/nl/audit.json";
import type { AuditAction } from "./audit";

const actionLabels: Record<string, string> = messages.actions;
const fieldLabels: Record<string, string> = messages.fields;
const objectLabels: Record<string, string> = messages.objects;

/** The actions the filter offers, in the order of the catalogue. */
export const AUDIT_ACTION_CODES = Object.keys(actionLabels) as AuditAction[];

export const isKnownAuditAction = (code: string): code is AuditAction => Object.hasOwn(actionLabels, code);

/** The label of an action; an unknown code (an old row) is shown as is. */
export const auditActionLabel = (code: string) => actionLabels[code] ?? code;
export const auditFieldLabel = (field: string) => fieldLabels[field] ?? field;
export const auditObjectLabel = (entityType: string) => objectLabels[entityType] ?? entityType;
