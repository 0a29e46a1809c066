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

/**
 * Median time per page over `runs` fetches after one warm-up; fails on anything but a 200 with a
 * table. `reportsDatabaseUrl`: the app reads its reports from that replica (REPORTS_DATABASE_URL),
 * and every page must say it did (the freshness note), so a silent fallback cannot pass for it.
 */
export async function timeReportPages(
  databaseUrl: string,
  cases: PageCase[],
  period: PeriodParams,
  runs: number,
  log: (s: string) => void,
  reportsDatabaseUrl?: string,
) {
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
  try {
    await waitForHttp(`${base}/login`);
    const manager = new HttpUser(base, "manager@agii.demo");
    await manager.signIn(DEMO_PASSWORD);
    if (!manager.signedIn) throw new Error("aanmelden als manager@agii.demo mislukt");
    const results: { page: string; ms: number }[] = [];
    for (const p of cases) {
      // the answer page (Tables 1–18) takes the period only
      const q = new URLSearchParams(
        p.slug === "antwoord"
          ? { from: String(period.from), to: String(period.to), asOf: period.asOf }
          : { measure: p.measure, by: p.by.join(","), from: String(period.from), to: String(period.to), asOf: period.asOf },
      );
      const url = `/rapporten/${p.slug}?${q}`;
      const fetchPage = async () => {
        const page = await manager.get(url);
        if (page.status !== 200 || !page.body.includes("<table"))
          throw new Error(`${url}: HTTP ${page.status}, ${page.body.includes("<table") ? "" : "geen tabel"}`);
        if (reportsDatabaseUrl && !page.body.includes('data-freshness="replica"')) throw new Error(`${url}: niet van de replica gelezen`);
        return page.ms;
      };
      await fetchPage();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await fetchPage());
      times.sort((a, b) => a - b);
      results.push({
        page: p.slug === "antwoord" ? "antwoord (tabellen 1–18)" : `${p.slug} ${p.measure} per ${p.by.join(",")}`,
        ms: times[Math.floor(times.length / 2)]!,
      });
    }
    return results;
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
  }
}
