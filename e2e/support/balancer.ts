// A small round-robin HTTP balancer for e2e/two-instances.spec.ts, in Node because the machines
// running the tests have no HAProxy or nginx. It does what the production balancer does
// (deploy/haproxy.cfg): forwards method, path, headers and body unchanged, keeps the client's Host,
// and appends the client's address to X-Forwarded-For (with X-Forwarded-Host/-Proto beside it).
// Test-only additions: a request carrying `x-e2e-backend: A` (or B, …) goes to that instance
// instead of the next one in turn (the header is not forwarded), every answer says which instance
// gave it (`x-e2e-backend`), and `log` lists what went where, so a test can prove that a step
// really crossed from one instance to the other.
import http from "node:http";
import type { AddressInfo } from "node:net";

export const PIN_HEADER = "x-e2e-backend";

export interface Forwarded {
  backend: string;
  method: string;
  url: string;
  serverAction: boolean;
  status: number;
}

export interface Balancer {
  url: string;
  port: number;
  log: Forwarded[];
  close(): Promise<void>;
}

/** Listens on a free port of 127.0.0.1; `backends` maps an instance's name to its port (set later is fine). */
export async function startBalancer(backends: Map<string, number>): Promise<Balancer> {
  const log: Forwarded[] = [];
  let turn = 0;
  const server = http.createServer((req, res) => {
    const names = [...backends.keys()];
    const pinned = req.headers[PIN_HEADER];
    const name = typeof pinned === "string" && backends.has(pinned) ? pinned : names[turn++ % names.length]!;
    const headers = { ...req.headers };
    delete headers[PIN_HEADER];
    const client = req.socket.remoteAddress ?? "";
    headers["x-forwarded-for"] = headers["x-forwarded-for"] ? `${String(headers["x-forwarded-for"])}, ${client}` : client;
    headers["x-forwarded-host"] = req.headers.host ?? "";
    headers["x-forwarded-proto"] = "http";
    const upstream = http.request({ host: "127.0.0.1", port: backends.get(name), method: req.method, path: req.url, headers }, (answer) => {
      log.push({ backend: name, method: req.method ?? "", url: req.url ?? "", serverAction: "next-action" in req.headers, status: answer.statusCode ?? 0 });
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [PIN_HEADER]: name });
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { [PIN_HEADER]: name });
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A free TCP port of 127.0.0.1 (asked from the kernel, then released). */
export async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
