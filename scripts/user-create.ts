// npm run user:create -- --email E --role ADMIN|MANAGER|STAFF [--name N] [--agency CODE] [--office CODE]
// Creates a user, e.g. the first admin of a production installation (`npm start` seeds no
// accounts). The password is asked on the terminal without echo, or read from stdin when that
// is not a terminal (`printf '%s\n' "$PW" | npm run user:create -- …`); never from the command
// line, where it would end up in the shell history and the process list. Validated and audited
// by the data layer (lib/server/users), as a user created by an admin on /beheer/gebruikers.
import { parseArgs } from "node:util";
import { ValidationError } from "../lib/server/errors";
import { prepareDatabase } from "./lib/prepare-database";

const USAGE = "Gebruik: npm run user:create -- --email E-MAIL --role ADMIN|MANAGER|STAFF [--name NAAM] [--agency CODE] [--office CODE]";

/** One line from the terminal, typed characters not shown. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          done();
          resolve(value);
          return;
        }
        if (ch === "\u0003") {
          // Ctrl-C
          done();
          reject(new Error("Afgebroken."));
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    stdin.on("data", onData);
  });
}

async function readStdinLine(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? "";
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readStdinLine();
  const first = await askHidden("Wachtwoord (minstens 12 tekens): ");
  const second = await askHidden("Herhaal het wachtwoord: ");
  if (first !== second) throw new ValidationError({ password: "De twee wachtwoorden verschillen." });
  return first;
}

async function main() {
  let values: { email?: string; role?: string; name?: string; agency?: string; office?: string };
  try {
    ({ values } = parseArgs({
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, agency: { type: "string" }, office: { type: "string" } },
      strict: true,
    }));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    process.exit(2);
  }
  if (!values.email || !values.role) {
    console.error(`--email en --role zijn verplicht.\n${USAGE}`);
    process.exit(2);
  }
  const password = await readPassword();
  const database = await prepareDatabase({ log: () => {} });
  process.env.DATABASE_URL = database.url; // the data layer's connection: the app's role
  try {
    const { createUserFromCommandLine } = await import("../lib/server/users/manage-users");
    const user = await createUserFromCommandLine({
      email: values.email,
      role: values.role.toUpperCase(),
      name: values.name ?? values.email.split("@")[0],
      agencyCode: values.agency,
      officeCode: values.office,
      password,
    });
    console.log(`Gebruiker ${user.email} (${user.role}) aangemaakt.`);
  } finally {
    const { db } = await import("../lib/server/db");
    await db.$disconnect().catch(() => {});
    await database.close();
  }
}

main().catch((e: unknown) => {
  if (e instanceof ValidationError) {
    for (const [field, message] of Object.entries(e.fieldErrors)) console.error(`${field}: ${message}`);
    console.error("Er werd geen gebruiker aangemaakt.");
  } else {
    console.error(`Gebruiker aanmaken mislukt: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.exit(1);
});
