// Streams the generated data set to a JSON Lines file, respecting back-pressure so memory stays
// bounded whatever the scale.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { generateDemoNewcomers, type DemoOptions } from "./generate";

export async function writeDemoFile(path: string, opts: DemoOptions = {}): Promise<{ newcomers: number; events: number }> {
  const out = createWriteStream(path, { encoding: "utf8" });
  let newcomers = 0;
  let events = 0;
  let buffer = "";
  for (const n of generateDemoNewcomers(opts)) {
    buffer += `${JSON.stringify(n)}\n`;
    newcomers++;
    events += n.events.length;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
  return { newcomers, events };
}
