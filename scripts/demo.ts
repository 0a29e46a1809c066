// npm run demo — the whole product on one machine: an embedded PostgreSQL (unless DATABASE_URL
// is set), migrations, code lists, demo accounts and the demo data set, then the production
// build on http://localhost:3000. Ctrl-C stops the app and the database cleanly.
import { DEMO_FINE_IBAN } from "../lib/domain/letters/fine-letter";
import { demoUsers, DEMO_PASSWORD } from "../lib/db/demo-users";
import { loadDemoDataIfEmpty } from "./lib/demo-data";
import { prepareDatabase } from "./lib/prepare-database";
import { actionsKey, authSecret, buildIfNeeded, forgetApp, rememberApp, startNext, stopLeftoverApp, waitForHttp } from "./lib/next-server";

const log = (l: string) => console.log(l);

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  await stopLeftoverApp(log);
  // supervised: a database that dies is restarted and the app recovers without a restart
  const database = await prepareDatabase({ demoUsers: true, supervise: true, log });
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("\nStoppen…");
    if (app && app.exitCode === null) {
      await new Promise<void>((resolve) => {
        app!.once("exit", () => resolve());
        app!.kill("SIGTERM");
        setTimeout(() => {
          app?.kill("SIGKILL");
          resolve();
        }, 5000).unref();
      });
    }
    forgetApp();
    await database.close();
    log("App en database gestopt.");
    process.exit(code);
  };
  let app: ReturnType<typeof startNext> | null = null;
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));

  try {
    await loadDemoDataIfEmpty(database.ownerUrl, log); // an operator step: as the owner
    buildIfNeeded(log, process.argv.includes("--rebuild"));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    await stopAll(1);
    return;
  }
  const baseUrl = `http://localhost:${port}`;
  app = startNext(port, {
    DATABASE_URL: database.url,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: authSecret(),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey(),
    FINE_PAYMENT_IBAN: process.env.FINE_PAYMENT_IBAN ?? DEMO_FINE_IBAN,
  });
  rememberApp(app.pid);
  app.once("exit", (code) => {
    if (!stopping) {
      console.error(`De app stopte onverwacht (code ${code}).`);
      void stopAll(1);
    }
  });
  await waitForHttp(`${baseUrl}/login`);
  log("");
  log(`De app draait op ${baseUrl}`);
  log(`Demo-accounts (wachtwoord "${DEMO_PASSWORD}"):`);
  for (const u of demoUsers)
    log(
      `  ${u.email.padEnd(26)} ${u.role}${u.agencyCode ? ` · ${u.agencyCode}` : ""}` +
        (u.officeCode && u.officeCode !== u.agencyCode ? ` · ${u.officeCode}` : ""),
    );
  log("Stoppen: Ctrl-C.");
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
