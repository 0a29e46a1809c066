// Runs `prisma generate` without letting the Prisma CLI try to download its native schema
// engine (these machines cannot reach Prisma's servers). Generation uses bundled WebAssembly;
// the stand-in engine only has to exist and fail fast.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, chmodSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const stub = path.join(root, "node_modules", ".cache", "no-schema-engine.sh");
if (!existsSync(stub)) {
  mkdirSync(path.dirname(stub), { recursive: true });
  writeFileSync(stub, "#!/bin/sh\nexit 1\n");
  chmodSync(stub, 0o755);
}
if (!existsSync(path.join(root, "prisma", "schema.prisma"))) process.exit(0);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const bin = path.join(root, "node_modules", ".bin", "prisma");
const r = spawnSync(bin, ["generate"], { cwd: root, env, stdio: "inherit" });
process.exit(r.status ?? 1);
