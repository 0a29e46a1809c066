// One signed-in user of the app over plain HTTP, as a browser would be: a cookie jar, next-auth's
// credentials sign-in (CSRF token first), page GETs, and server-action POSTs encoded with React's
// own `encodeReply` (the client half of the protocol Next's forms use), sent with the Origin a
// browser would send. Used by the load benchmark; no browser, so 50 users fit on one machine.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.join(process.cwd(), "package.json"));
// React's Flight client as bundled by Next (the same version the pages use).
const flight = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

/** Server action ids of the production build, by "file#export" (from Next's own manifest). */
export function serverActionIds(root = process.cwd()): Map<string, string> {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

export interface Answer {
  status: number;
  ms: number;
  body: string;
  headers: Headers;
}

export class HttpUser {
  private jar = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly email: string,
  ) {}

  private cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === "" || /max-age=0/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  get signedIn() {
    return [...this.jar.keys()].some((k) => k.includes("session-token"));
  }

  async signIn(password: string): Promise<Answer> {
    const t = performance.now();
    const csrf = await fetch(`${this.base}/api/auth/csrf`, { headers: { cookie: this.cookie() } });
    this.keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${this.base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookie(), origin: this.base },
      body: new URLSearchParams({ csrfToken, email: this.email, password, callbackUrl: `${this.base}/`, json: "true" }),
    });
    this.keep(res);
    const body = await res.text();
    return { status: this.signedIn ? 200 : 401, ms: performance.now() - t, body, headers: res.headers };
  }

  async get(pathAndQuery: string): Promise<Answer> {
    const t = performance.now();
    const res = await fetch(`${this.base}${pathAndQuery}`, { headers: { cookie: this.cookie() }, redirect: "manual" });
    this.keep(res);
    const body = await res.text();
    return { status: res.status, ms: performance.now() - t, body, headers: res.headers };
  }

  /** Calls a server action as the page's form does: POST to the page with the Next-Action header. */
  async action(pagePath: string, actionId: string, args: unknown[]): Promise<Answer> {
    const encoded = await flight.encodeReply(args);
    const t = performance.now();
    const res = await fetch(`${this.base}${pagePath}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: this.cookie(),
        origin: this.base,
        accept: "text/x-component",
        "next-action": actionId,
        ...(typeof encoded === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      },
      body: encoded,
    });
    this.keep(res);
    const body = await res.text();
    return { status: res.status, ms: performance.now() - t, body, headers: res.headers };
  }
}

/** The form fields of `fields` as the FormData a form would post. */
export function formData(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}
