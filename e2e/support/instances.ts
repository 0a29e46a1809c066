// More production instances of the app for e2e/two-instances.spec.ts: the build the e2e server
// made (.next, never built again here), started like the e2e server's own instance
// (scripts/lib/next-server.ts startNext: scripts/app-server.ts compiled), against the same e2e
// database as the app's role, with the same NEXTAUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
// behind the test's balancer (TRUSTED_PROXIES, NEXTAUTH_URL = the balancer's URL).
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { actionsKey, authSecret, startNext, waitForHttp } from "../../scripts/lib/next-server";
import { freePort } from "./balancer";

export interface Instance {
  name: string;
  port: number;
  process: ChildProcess;
}

export function e2eAppUrl(): string {
  const s = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "e2e-state.json"), "utf8")) as { appUrl?: string };
  if (!s.appUrl) throw new Error(".data/e2e-state.json has no appUrl: restart the e2e server (scripts/e2e-server.ts writes it).");
  return s.appUrl;
}

export async function startInstances(names: string[], publicUrl: string, extraEnv: Record<string, Record<string, string>> = {}): Promise<Instance[]> {
  const started: Instance[] = [];
  for (const name of names) {
    const port = await freePort();
    const env = {
      DATABASE_URL: e2eAppUrl(),
      NEXTAUTH_URL: publicUrl,
      NEXTAUTH_SECRET: authSecret(),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey(),
      TRUSTED_PROXIES: "127.0.0.1",
      ...extraEnv[name],
    };
    started.push({ name, port, process: startNext(port, env) });
  }
  await Promise.all(started.map((i) => waitForHttp(`http://127.0.0.1:${i.port}/login`, 120_000)));
  return started;
}

export async function stopInstances(instances: Instance[]): Promise<void> {
  await Promise.all(
    instances.map(
      (i) =>
        new Promise<void>((resolve) => {
          if (i.process.exitCode !== null || i.process.signalCode !== null) return resolve();
          i.process.once("exit", () => resolve());
          i.process.kill("SIGTERM");
        }),
    ),
  );
}
