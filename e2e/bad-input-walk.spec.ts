// Walks every page of the app (every app/**/page.tsx; a new page without an entry here fails the
// test) as an admin and as a staff member, with a NUL byte (%00) in every query parameter the
// page reads, in a parameter it does not read, and in the dynamic segments: never a 500 (wapiti
// found /dossiers?office=x%00, /boetes?agency=x%00, /beheer/audit?action=x%00 and
// /rapporten/vraag-2?agency=x%00 answering 500). A NUL gets the proxy's Dutch 400; readable but
// odd values (quotes, %, _, accents, overlong) reach the pages' own parsing and must not 500.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { daysAgo, insertEvent, insertNewcomer } from "./support/track";

const REPORT_PARAMS = ["measure", "by", "from", "to", "asOf", "agency", "publicatie", "kennisdatum"];
/** route (as in app/, route groups removed) → the query parameters its page reads */
const PAGES: Record<string, string[]> = {
  "/": [],
  "/login": ["callbackUrl", "signedOut", "error"],
  "/dossiers": ["q", "office", "targetGroup", "status", "extractionYear", "sort", "page", "verhuisd", "telling"],
  "/dossiers/nieuw": [],
  "/dossiers/uitnodigingen": ["ids", "id", "datum", "uur"],
  "/dossiers/[id]": [],
  "/dossiers/[id]/bewerken": [],
  "/dossiers/[id]/inzage": [],
  "/boetes": ["agency", "type", "minAgeDays", "page"],
  "/boetes/[eventId]": [],
  "/boetes/[eventId]/brief": [],
  "/dvz": ["q", "naam", "sort", "page"],
  "/werklijsten": [],
  "/werklijsten/[lijst]": ["kantoor", "sort", "page", "telling"],
  "/rapporten": [],
  "/rapporten/vraag-1": REPORT_PARAMS,
  "/rapporten/vraag-2": REPORT_PARAMS,
  "/rapporten/vraag-3": REPORT_PARAMS,
  "/rapporten/vraag-4": REPORT_PARAMS,
  "/rapporten/antwoord": REPORT_PARAMS,
  "/rapporten/publicaties": ["pagina", "status"],
  "/rapporten/publicaties/[id]": ["tegen"],
  "/beheer": [],
  "/beheer/audit": ["user", "dossier", "action", "from", "to", "page", "dossierError"],
  "/beheer/bewaartermijnen": ["na", "agentschap", "telling"],
  "/beheer/export": [],
  "/beheer/gebruikers": [],
  "/beheer/gebruikers/[id]": [],
  "/beheer/import": [],
  "/beheer/dubbels": ["page"],
  "/beheer/dubbels/samenvoegen": ["a", "b"],
};

function pageRoutes(dir = path.join(process.cwd(), "app"), prefix = ""): string[] {
  const routes: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
      routes.push(...pageRoutes(path.join(dir, entry.name), prefix + segment));
    } else if (entry.name === "page.tsx") routes.push(prefix || "/");
  }
  return routes;
}

const NUL = "x%00";
// readable, so past the proxy: quotes, a literal %, _, an accent, markup, and too long for every field
const ODD = ["%27%22%3Cb%3E%25_%C3%A9", "a".repeat(300), "1e400"];

test("every page answers a NUL byte or odd values in its parameters without a 500", async ({ page, db, createAgency, createUser, signIn }) => {
  test.setTimeout(900_000);
  expect(pageRoutes().sort()).toEqual(Object.keys(PAGES).sort());

  const agency = await createAgency();
  const newcomer = await insertNewcomer(db, agency);
  const eventId = await insertEvent(db, newcomer.id, "INFRINGEMENT", daysAgo(40));
  const staff = await createUser("STAFF", agency);
  const admin = await createUser("ADMIN");
  const ids: Record<string, string> = { "[id]": newcomer.id, "[eventId]": eventId, "[lijst]": "niet-aangemeld" };
  const fill = (route: string) => route.replace(/\[(\w+)\]/g, (seg) => (seg === "[id]" && route.startsWith("/beheer/gebruikers") ? staff.id : ids[seg]!));

  for (const user of [admin, staff]) {
    await page.context().clearCookies();
    await signIn(page, user);
    const failures: string[] = [];
    const visit = async (url: string, expectStatus?: number) => {
      const r = await page.request.get(url);
      if (r.status() >= 500 || (expectStatus !== undefined && r.status() !== expectStatus)) failures.push(`${user.role} ${url} → ${r.status()}`);
      else if (expectStatus === 400 && !(await r.text()).startsWith("Ongeldige aanvraag")) failures.push(`${user.role} ${url}: no Dutch message`);
    };
    for (const [route, params] of Object.entries(PAGES)) {
      const url = fill(route);
      await visit(url);
      for (const p of [...params, "zz"]) {
        await visit(`${url}?${p}=${NUL}`, 400);
        for (const odd of ODD) await visit(`${url}?${p}=${odd}`);
      }
      if (params.length > 0) {
        await visit(`${url}?${params.map((p) => `${p}=${NUL}`).join("&")}`, 400);
        await visit(`${url}?${params.map((p) => `${p}=${ODD[0]}`).join("&")}`);
      }
      if (route.includes("[")) {
        await visit(route.replace(/\[\w+\]/g, NUL), 400);
        await visit(route.replace(/\[\w+\]/g, ODD[0]!));
      }
    }
    expect(failures).toEqual([]);
  }
});

/** The list exports (POST, issue 14) → the form fields each reads besides format and volledig, and a filter that keeps the file small. */
const EXPORTS: Record<string, { fields: string[]; narrow: Record<string, string> }> = {
  "/dossiers/export": { fields: ["q", "zoek", "office", "targetGroup", "status", "extractionYear", "sort"], narrow: { q: "Zzgeenenkel" } },
  "/werklijsten/niet-aangemeld/export": { fields: ["kantoor", "sort"], narrow: { kantoor: "GEEN" } },
  "/werklijsten/herinneringen/export": { fields: ["kantoor", "sort"], narrow: { kantoor: "GEEN" } },
  "/boetes/export": { fields: ["agency", "type", "minAgeDays"], narrow: { agency: "GEEN" } },
  "/dvz/adviezen/export": { fields: ["naam", "sort"], narrow: { naam: "Zzgeenenkel" } },
};

test("every list export answers odd form values without a 500", async ({ page, createAgency, createUser, signIn }) => {
  test.setTimeout(300_000);
  const staff = await createUser("STAFF", await createAgency());
  const admin = await createUser("ADMIN");
  for (const user of [admin, staff]) {
    await page.context().clearCookies();
    await signIn(page, user);
    const failures: string[] = [];
    for (const [url, { fields, narrow }] of Object.entries(EXPORTS)) {
      for (const f of [...fields, "format", "volledig", "zz"]) {
        for (const odd of ["x\u0000", "'\"<b>%_é", "a".repeat(300), "1e400", "-1"]) {
          const r = await page.request.post(url, { form: { ...narrow, [f]: odd }, headers: { "sec-fetch-site": "same-origin" } });
          if (r.status() >= 500) failures.push(`${user.role} ${url} ${f}=${JSON.stringify(odd)} → ${r.status()}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }
});
