// The write cost of the report triggers: a dossier save through the app's own write function
// (recordTrackEvent: the newcomer locked, the checks, the event, its audit row, one transaction
// committed), timed with the report triggers on track_event enabled and disabled in alternating
// blocks. ALTER TABLE … DISABLE TRIGGER invalidates the connections' cached plans, so each block
// starts with untimed saves that plan again; the figures are the saves after them.
// Needs process.env.DATABASE_URL set to the benchmark's database before lib/server/db is used.
import pg from "pg";
import { seedDemoUsers } from "@/lib/db/seed";
import { loadActor } from "@/lib/server/auth/actor";
import { recordTrackEvent } from "@/lib/server/dossiers/record-event";
import { summary, type Timed } from "./interleave";

const REPORT_TRIGGERS = ["track_event_report_insert", "track_event_report_update", "track_event_report_delete"];
/** an invitation after any earlier step: confirmed, so no newcomer's track refuses it */
const CONFIRM = ["INVITATION_NO_EXTRACTION", "INVITATION_BEFORE_EXTRACTION"];

export async function timeReportTriggerWrites(url: string, opts: { blocks?: number; perBlock?: number; warmup?: number } = {}) {
  const blocks = opts.blocks ?? 8;
  const perBlock = opts.perBlock ?? 6;
  const warmup = opts.warmup ?? 3;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await seedDemoUsers(admin);
    const staff = (await admin.query<{ id: string }>("SELECT id FROM app_user WHERE email = 'medewerker@atlas.demo'")).rows[0]!;
    const need = blocks * 2 * (perBlock + warmup);
    const ids = (await admin.query<{ id: string }>("SELECT id FROM newcomer WHERE agency_code = 'ATLAS' ORDER BY md5(id::text) LIMIT $1", [need])).rows.map(
      (r) => r.id,
    );
    if (ids.length < need) throw new Error(`te weinig inburgeraars van Atlas (${ids.length} < ${need})`);
    const actor = await loadActor(staff.id);
    let next = 0;
    const save = () => recordTrackEvent(actor, ids[next++]!, { type: "INVITATION", date: "2026-11-02", note: "bench", confirmWarnings: CONFIRM.join(",") });
    const setTriggers = async (on: boolean) => {
      for (const t of REPORT_TRIGGERS) await admin.query(`ALTER TABLE track_event ${on ? "ENABLE" : "DISABLE"} TRIGGER ${t}`);
    };
    const withTriggers: number[] = [];
    const without: number[] = [];
    try {
      for (let b = 0; b < blocks * 2; b++) {
        const on = b % 2 === 0;
        await setTriggers(on);
        for (let i = 0; i < warmup; i++) await save();
        for (let i = 0; i < perBlock; i++) {
          const t = performance.now();
          await save();
          (on ? withTriggers : without).push(performance.now() - t);
        }
      }
    } finally {
      await setTriggers(true);
    }
    // the saves without the triggers left their newcomers' report facts behind: derive them again
    await admin.query("SELECT report_refresh($1::uuid[])", [ids.slice(0, next)]);
    const a: Timed = summary(withTriggers);
    const b: Timed = summary(without);
    return { withTriggers: a, without: b, ratio: a.median / b.median };
  } finally {
    await admin.end();
  }
}
