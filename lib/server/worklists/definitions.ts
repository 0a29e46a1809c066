// The worklists (werklijsten, issue 14): which exist, who sees them, their sortable columns.
// Shared by the server queries, the pages and the home page. The deadlines themselves are in
// lib/domain/track/deadlines.ts.
import type { Permission } from "@/lib/domain/permissions";

export const WORKLISTS = ["niet-aangemeld", "geen-contract", "geen-attest", "open-inbreuken", "herinneringen", "overdracht"] as const;
export type Worklist = (typeof WORKLISTS)[number];

export const isWorklist = (s: string): s is Worklist => (WORKLISTS as readonly string[]).includes(s);

/** Who sees a worklist: staff and admins the track's lists, admins (fine.read) the fines'. */
export const WORKLIST_PERMISSION: Record<Worklist, Permission> = {
  "niet-aangemeld": "dossier.read",
  "geen-contract": "dossier.read",
  "geen-attest": "dossier.read",
  "open-inbreuken": "dossier.read",
  herinneringen: "fine.read",
  overdracht: "fine.read",
};

export const WORKLIST_COLUMNS = ["sinds", "naam", "geboortedatum", "kantoor"] as const;
export type WorklistColumn = (typeof WORKLIST_COLUMNS)[number];

export const WORKLIST_PAGE_SIZE = 25;
/** Counting stops here unless the exact count is asked for: "more than 10.000" is honest and fast. */
export const WORKLIST_COUNT_CAP = 10_000;
/** A bulk action takes at most this many items (one transaction, a page or a few). */
export const BULK_MAX_ITEMS = 200;
