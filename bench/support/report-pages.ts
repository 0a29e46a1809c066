// Report pages as a user gets them: the production build (`next start`) on the benchmark's
// database, signed in as the demo Flemish-scope manager through next-auth's credentials flow,
// each page fetched over HTTP and timed until its HTML is complete (server-rendered: the report
// engine call, the agency list, the table and the chart).
import pg from "pg";
import { freePort } from "@/lib/db/embedded-postgres";
import { DEMO_PASSWORD } from "@/lib/db/demo-users";
import { seedDemoUsers } from "@/lib/db/seed";
import { authSecret, buildIfNeeded, startNext, waitForHttp } from "../../scripts/lib/next-server";

export interface PageCase { slug: string; measure: string; by: string[] }
export interface PeriodParams { from: number; to: number; asOf: string }

function cookieHeader(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  let cookie = cookieHeader(csrfRes, jar);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: `${base}/rapporten`, json: "true" }),
  });
  cookie = cookieHeader(res, jar);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`aanmelden als ${email} mislukt (HTTP ${res.status})`);
  return cookie;
}

/** Median time per page over `runs` fetches after one warm-up; fails on anything but a 200 with a table. */
export async function timeReportPages(databaseUrl: string, cases: PageCase[], period: PeriodParams, runs: number, log: (s: string) => void) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  await seedDemoUsers(c);
  await c.end();
  buildIfNeeded(log);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = startNext(port, { DATABASE_URL: databaseUrl, NEXTAUTH_URL: base, NEXTAUTH_SECRET: authSecret() });
  try {
    await waitForHttp(`${base}/login`);
    const cookie = await signIn(base, "manager@agii.demo");
    const results: { page: string; ms: number }[] = [];
    for (const p of cases) {
      // the answer page (Tables 1–18) takes the period only
      const q = new URLSearchParams(p.slug === "antwoord" ? { from: String(period.from), to: String(period.to), asOf: period.asOf }
        : { measure: p.measure, by: p.by.join(","), from: String(period.from), to: String(period.to), asOf: period.asOf });
      const url = `${base}/rapporten/${p.slug}?${q}`;
      const fetchPage = async () => {
        const t = performance.now();
        const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
        const html = await res.text();
        const ms = performance.now() - t;
        if (res.status !== 200 || !html.includes("<table")) throw new Error(`${url}: HTTP ${res.status}, ${html.includes("<table") ? "" : "geen tabel"}`);
        return ms;
      };
      await fetchPage();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await fetchPage());
      times.sort((a, b) => a - b);
      results.push({ page: p.slug === "antwoord" ? "antwoord (tabellen 1–18)" : `${p.slug} ${p.measure} per ${p.by.join(",")}`, ms: times[Math.floor(times.length / 2)]! });
    }
    return results;
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
  }
}
