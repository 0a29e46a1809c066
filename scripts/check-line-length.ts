// npm run lint, second half: no line of our source over MAX characters. Biome's formatter wraps
// code at the same width (biome.jsonc lineWidth) but leaves comments and string literals alone,
// and Biome has no lint rule for line length; this closes that gap. Lists every offending line.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const MAX = 160;
const SOURCE = /\.(ts|tsx|mjs|css|sql)$/;
const SKIP = /^(lib\/generated\/|prisma\/migrations\/)/;

const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" })
  .split("\n")
  .filter((f) => SOURCE.test(f) && !SKIP.test(f) && fs.existsSync(f));

const long: string[] = [];
for (const file of files) {
  fs.readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if ([...line].length > MAX) long.push(`${file}:${i + 1}: ${[...line].length} characters`);
    });
}
if (long.length) {
  console.error(`${long.length} line(s) longer than ${MAX} characters:\n${long.join("\n")}`);
  process.exit(1);
}
console.log(`line length: ${files.length} files, none over ${MAX} characters`);
