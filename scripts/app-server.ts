// The production server: Next.js behind a node:http server of our own, for one reason — the
// client's address. Next keeps a client-sent X-Forwarded-For (base-server only fills it in when
// absent), so the app could not tell a forged header from a proxy's. Here every request gets
// exactly one X-Forwarded-For: the socket peer, or — when the peer is a proxy listed in
// TRUSTED_PROXIES — the right-most forwarded address that is not one of those proxies
// (lib/domain/net/client-ip.ts). The app's single reader is requestClientIp() (lib/server/auth).
// Started (compiled to .next/app-server.cjs) by scripts/lib/next-server.ts startNext(); PORT and
// HOST as for `next start -p -H`.
import http from "node:http";
import next from "next";
import { clientAddress, parseTrustedProxies, splitList } from "../lib/domain/net/client-ip";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const dir = process.cwd(); // the project root: startNext (and npm scripts) run from there

/** Headers a client could use to pass itself off as someone else; only ours reach the app. */
const SPOOFABLE = ["x-real-ip", "forwarded"] as const;
const PROXY_CLAIMS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"] as const;

async function main() {
  // the same list rule as lib/server/env.ts (which is server-only and cannot be imported here)
  const trusted = parseTrustedProxies(splitList(process.env.TRUSTED_PROXIES));
  const app = next({ dev: false, dir, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    const ip = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
    for (const h of SPOOFABLE) delete req.headers[h];
    // what a proxy says about the original request (host, scheme, port) counts only from our proxies
    if (!trusted.has(req.socket.remoteAddress ?? "")) for (const h of PROXY_CLAIMS) delete req.headers[h];
    if (ip) req.headers["x-forwarded-for"] = ip;
    else delete req.headers["x-forwarded-for"];
    void handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`▲ Next.js (app-server) op http://${hostname}:${port}`));
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref(); // do not wait for slow keep-alive clients
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
