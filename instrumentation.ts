// Next.js calls register() once when a server process starts (before it serves requests; also
// behind scripts/app-server.ts, which runs Next through next()). Used for one thing: the
// disclosure solver (HiGHS as WebAssembly, lib/domain/reports/disclosure/interval.ts) is loaded
// and compiled here instead of on the first publish or "voor publicatie" page, where it cost the
// first manager 0.3 s on a quiet machine and 4–5 s under load (bench/README.md, Publicaties).
// Not awaited: the server starts as fast as before; a publish that comes before the load is done
// waits for the same promise (solver() keeps it). Tests and the CLI scripts do not go through
// Next, so they keep loading it lazily, only when they suppress.
export async function register() {
  // the edge runtime (proxy.ts) has no use for it and cannot load it
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { solver } = await import("@/lib/domain/reports/disclosure/interval");
  solver().catch((e: unknown) => console.error("disclosure solver: preload failed, loaded again on first use", e));
}
