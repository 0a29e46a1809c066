import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./scripts/lib/chromium";
import { e2ePgPort, e2ePort } from "./scripts/lib/e2e-ports";

// The e2e server (scripts/e2e-server.ts) starts a fresh database with the demo data and the
// production build on a port derived from the checkout path (scripts/lib/e2e-ports.ts). Tests create their own agency and users (e2e/support).
const port = e2ePort;
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]]
    : [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL,
    locale: "nl-BE",
    timezoneId: "Europe/Brussels",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    acceptDownloads: true,
    launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/e2e-server.ts`,
        url: `${baseURL}/login`,
        reuseExistingServer: !process.env.CI,
        timeout: 900_000,
        stdout: "pipe",
        stderr: "pipe",
        env: { E2E_PORT: String(port), E2E_PG_PORT: String(e2ePgPort) },
      },
});
