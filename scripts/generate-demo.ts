// npm run generate:demo -- --out FILE.jsonl [--scale N] [--seed S]
import { writeDemoFile } from "@/lib/demo-data/write";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const out = arg("out");
  if (!out) {
    console.error("Gebruik: npm run generate:demo -- --out FILE.jsonl [--scale N] [--seed S]");
    process.exit(2);
  }
  const scale = Number(arg("scale") ?? "1");
  const seed = Number(arg("seed") ?? "113");
  if (!(scale > 0) || !Number.isInteger(seed)) {
    console.error("--scale moet een positief getal zijn en --seed een geheel getal.");
    process.exit(2);
  }
  const started = Date.now();
  const { newcomers, events } = await writeDemoFile(out, { scale, seed });
  console.log(`${newcomers} inburgeraars, ${events} gebeurtenissen → ${out} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
