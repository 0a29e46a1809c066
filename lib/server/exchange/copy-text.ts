import "server-only";
// PostgreSQL COPY text format: one row per line, tab-separated, \N for null. Rows are joined
// into large chunks so the stream sees few writes (and the event loop few allocations).
import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A text value for COPY; null → \N. */
export function copyValue(v: string | number | boolean | null): string {
  if (v === null) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  return NEEDS_ESCAPE.test(v) ? v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : v;
}

/**
 * Streams `chunks` (each a block of complete COPY lines) into `COPY … FROM STDIN`. Respects
 * back-pressure, so formatting the next chunk overlaps with the server ingesting the previous.
 */
export async function copyIn(client: pg.ClientBase, sql: string, chunks: Iterable<string>): Promise<void> {
  const stream = client.query(copyFrom(sql));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("finish", () => resolve());
    stream.on("error", reject);
  });
  try {
    for (const chunk of chunks) {
      if (chunk.length > 0 && !stream.write(chunk)) await Promise.race([once(stream, "drain"), finished]);
    }
  } finally {
    stream.end();
  }
  await finished;
}
