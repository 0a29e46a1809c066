// Report pages as a user gets them: the production build (the app server of startNext) on the benchmark's
// database, signed in as the demo Flemish-scope manager through next-auth's credentials flow
// (bench/support/http-user.ts, the same client as the load benchmark),
// each page fetched over HTTP and timed until its HTML is complete (server-rendered: the report
// engine call, the agency list, the table and the chart).
import pg from "pg";
import { freePort } from "@/lib/db/embedded-postgres";
import { DEMO_PASSWORD } from "@/lib/db/demo-users";
import { seedDemoUsers } from "@/lib/db/seed";
import { authSecret, buildIfNeeded, startNext, waitForHttp } from "../../scripts/lib/next-server";
import { HttpUser } from "./http-user";

export interface PageCase {
  slug: string;
  measure: string;
  by: string[];
}
export interface PeriodParams {
  from: number;
  to: number;
  asOf: string;
}

export interface PageTiming {
  page: string;
  /** first visits (median of `runs`): each a session signed in just before and a reference date no run used before */
  first: number;
  firstMin: number;
  firstMax: number;
  /** later visits, each with another reference date than the visit before it */
  ms: number;
  min: number;
  max: number;
}

/**
 * Per page: `runs` first visits (each a fresh session and a reference date not asked before; one
 * such visit is a single sample, and a single sample caught a pause of the server now and then:
 * 25–583 ms in one run), then `runs` visits
 * rotating over `asOfDates` (never the parameters just fetched), timed until the HTML is complete;
 * fails on anything but a 200 with a table. `reportsDatabaseUrl`: the app reads its reports from
 * that replica (REPORTS_DATABASE_URL), and every page must say it did (the freshness note), so a
 * silent fallback cannot pass for it. `restart`: afterwards PostgreSQL is restarted and the answer
 * page visited once more by a fresh session (the first visitor after a restart; `cold`).
 */
export async function timeReportPages(
  databaseUrl: string,
  cases: PageCase[],
  period: PeriodParams,
  runs: number,
  log: (s: string) => void,
  reportsDatabaseUrl?: string,
  opts: { asOfDates?: string[]; restart?: () => Promise<void> } = {},
): Promise<{ pages: PageTiming[]; cold: { ms: number; failedBefore: number } | null }> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  await seedDemoUsers(c);
  await c.end();
  buildIfNeeded(log);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = startNext(port, {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: authSecret(),
    ...(reportsDatabaseUrl ? { REPORTS_DATABASE_URL: reportsDatabaseUrl } : {}),
  });
  const dates = opts.asOfDates?.length ? opts.asOfDates : [period.asOf];
  // first visits use dates of their own (days after the run's dates, a new one each time), so no
  // earlier visit warmed exactly them
  const asked = new Set([...dates, period.asOf]);
  let firstVisits = 0;
  const firstDate = (): string => {
    const i = firstVisits++;
    const d = new Date(`${dates[i % dates.length]}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1 + Math.floor(i / dates.length));
    const iso = d.toISOString().slice(0, 10);
    if (asked.has(iso)) return firstDate();
    asked.add(iso);
    return iso;
  };
  const urlOf = (p: PageCase, asOf: string) => {
    // the answer page (Tables 1–18) takes the period only
    const q = new URLSearchParams(
      p.slug === "antwoord"
        ? { from: String(period.from), to: String(period.to), asOf }
        : { measure: p.measure, by: p.by.join(","), from: String(period.from), to: String(period.to), asOf },
    );
    return `/rapporten/${p.slug}?${q}`;
  };
  const fetchPage = async (user: HttpUser, url: string) => {
    const page = await user.get(url);
    if (page.status !== 200 || !page.body.includes("<table"))
      throw new Error(`${url}: HTTP ${page.status}, ${page.body.includes("<table") ? "" : "geen tabel"}`);
    if (reportsDatabaseUrl && !page.body.includes('data-freshness="replica"')) throw new Error(`${url}: niet van de replica gelezen`);
    return page.ms;
  };
  const freshUser = async () => {
    const user = new HttpUser(base, "manager@agii.demo");
    await user.signIn(DEMO_PASSWORD);
    if (!user.signedIn) throw new Error("aanmelden als manager@agii.demo mislukt");
    return user;
  };
  try {
    await waitForHttp(`${base}/login`);
    // the app's own start-up (its first request loads the page's code): not a visitor's figure
    await fetchPage(await freshUser(), urlOf(cases[0]!, period.asOf));
    const results: PageTiming[] = [];
    for (const [k, p] of cases.entries()) {
      const firsts: number[] = [];
      for (let i = 0; i < runs; i++) firsts.push(await fetchPage(await freshUser(), urlOf(p, firstDate())));
      const user = await freshUser();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await fetchPage(user, urlOf(p, dates[(i + k) % dates.length]!)));
      times.sort((a, b) => a - b);
      firsts.sort((a, b) => a - b);
      results.push({
        page: p.slug === "antwoord" ? "antwoord (tabellen 1–18)" : `${p.slug} ${p.measure} per ${p.by.join(",")}`,
        first: firsts[Math.floor(firsts.length / 2)]!,
        firstMin: firsts[0]!,
        firstMax: firsts.at(-1)!,
        ms: times[Math.floor(times.length / 2)]!,
        min: times[0]!,
        max: times.at(-1)!,
      });
    }
    let cold: { ms: number; failedBefore: number } | null = null;
    const answer = cases.find((p) => p.slug === "antwoord");
    if (opts.restart && answer) {
      await opts.restart();
      const user = await freshUser();
      // a request that meets a connection of the stopped server fails once; counted, then the next one is timed
      let failedBefore = 0;
      for (;;) {
        try {
          cold = { ms: await fetchPage(user, urlOf(answer, firstDate())), failedBefore };
          break;
        } catch (e) {
          if (++failedBefore > 3) throw e;
        }
      }
    }
    return { pages: results, cold };
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
  }
}
