// Builds the production bundle when the sources changed since the last build, and starts the
// production server (scripts/app-server.ts, compiled) directly — not through npx, which left next-server orphaned when stopped.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { buildSync } from "esbuild";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const stampFile = path.join(root, ".next", "source-stamp");

/** A fingerprint of the sources: git's view of the tree (HEAD + uncommitted changes). */
function sourceStamp(): string | null {
  const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" });
  if (head.status !== 0) return null;
  const status = spawnSync(
    "git",
    ["status", "--porcelain", "--untracked-files=all", "--", "app", "components", "lib", "messages", "next.config.js", "proxy.ts", "package-lock.json"],
    { cwd: root, encoding: "utf8" },
  );
  const diff = spawnSync("git", ["diff", "HEAD", "--", "app", "components", "lib", "messages", "next.config.js", "proxy.ts"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return crypto
    .createHash("sha256")
    .update(head.stdout + status.stdout + diff.stdout)
    .digest("hex");
}

export function buildIfNeeded(log: (l: string) => void, force = false) {
  const stamp = sourceStamp();
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID"));
  const upToDate = built && stamp !== null && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp;
  if (!force && (upToDate || (built && stamp === null))) return;
  log("Productiebuild maken (next build, ± 30 s)…");
  const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build is mislukt.");
  if (stamp) fs.writeFileSync(stampFile, stamp);
}

export function startNext(port: number, env: Record<string, string>): ChildProcess {
  // scripts/app-server.ts, not `next start`: it sets X-Forwarded-For to the real client address
  // (socket peer, or behind TRUSTED_PROXIES), which Next alone would take from the client.
  // Compiled to plain CommonJS first (esbuild, ± 0.2 s): run through tsx's loader, Next's own
  // start-up took about twice as long as `next start`; compiled it is as fast.
  const server = path.join(root, ".next", "app-server.cjs");
  buildSync({
    entryPoints: [path.join(root, "scripts", "app-server.ts")],
    bundle: true,
    packages: "external",
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile: server,
    logLevel: "warning",
  });
  return spawn(process.execPath, [server], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...env, PORT: String(port), HOST: process.env.HOST ?? "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} antwoordt niet binnen ${timeoutMs / 1000} s.`);
}

/** NEXTAUTH_SECRET from the environment, or one generated once and kept under .data/. */
export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(root, ".data", "nextauth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY from the environment, or one generated once and kept under
 * .data/ (32 random bytes, base64): every instance started from this checkout gets the same key,
 * as every instance behind one balancer must (Next encrypts server-action closure variables with
 * it; an instance with another key cannot decrypt them).
 */
export function actionsKey(): string {
  if (process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) return process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  const file = path.join(root, ".data", "server-actions-key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

const appPidFile = path.join(root, ".data", "demo-app.pid");

/** A `next start` left behind by a demo run that was killed hard still holds the port: stop it. */
export async function stopLeftoverApp(log: (l: string) => void) {
  if (!fs.existsSync(appPidFile)) return;
  const pid = Number(fs.readFileSync(appPidFile, "utf8"));
  fs.rmSync(appPidFile, { force: true });
  let cmdline = "";
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return; // not running
  }
  if (!cmdline.includes("next") && !cmdline.includes("app-server")) return; // the pid was reused by something else
  log(`Achtergebleven app-proces ${pid} van een afgebroken run gevonden: wordt gestopt.`);
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(pid, "SIGKILL");
}

export function rememberApp(pid: number | undefined) {
  if (pid) fs.writeFileSync(appPidFile, String(pid));
}

export function forgetApp() {
  fs.rmSync(appPidFile, { force: true });
}
