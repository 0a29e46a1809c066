// Playwright drives Debian's Chromium here (Playwright's own browser download cannot reach its
// servers). Finds it, or installs it with apt when running as root on Debian, or says exactly
// what to install.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && fs.existsSync(configured)) return configured;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export function ensureChromium(log: (l: string) => void): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    log("Chromium ontbreekt: installeren met apt-get (Debian-pakket 'chromium', ± 1 minuut)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    const r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
    if (r.status === 0) {
      const now = findChromium();
      if (now) return now;
    }
  }
  throw new Error(
    "Chromium niet gevonden. Installeer het (Debian/Ubuntu: `sudo apt-get install chromium`) of zet CHROMIUM_PATH naar een Chromium/Chrome-binary.",
  );
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
