// A TCP relay in front of PostgreSQL that counts the statements its clients send, by reading the
// frontend half of the wire protocol (https://www.postgresql.org/docs/current/protocol-message-formats.html):
// every Query ('Q', the simple protocol: BEGIN, COMMIT, COPY, …) and every Execute ('E', the
// extended protocol pg and Prisma use for parameterised statements) is one statement. Used by
// bench/request-cost.ts, because pg_stat_statements needs shared_preload_libraries (a server
// restart) and log_statement a superuser and a log to parse; this needs neither and sees exactly
// what the app sends. A Query holding several statements separated by ';' counts once.
import net from "node:net";
import type { AddressInfo } from "node:net";

export interface StatementCounter {
  port: number;
  /** statements since the start */
  readonly statements: number;
  /** the same URL, through the counter */
  via(url: string): string;
  close(): Promise<void>;
}

export async function startStatementCounter(target: { host: string; port: number }): Promise<StatementCounter> {
  let statements = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let buffer = Buffer.alloc(0);
    let startup = true;
    client.on("data", (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (startup) {
          // the startup message (and an SSLRequest before it) has no type byte
          if (buffer.length < 4) break;
          const len = buffer.readInt32BE(0);
          if (buffer.length < len) break;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(len);
          if (code !== 80877103 && code !== 80877104) startup = false; // not SSLRequest / GSSENCRequest
          continue;
        }
        if (buffer.length < 5) break;
        const len = buffer.readInt32BE(1);
        if (buffer.length < 1 + len) break;
        const type = String.fromCharCode(buffer[0]!);
        if (type === "Q" || type === "E") statements++;
        buffer = buffer.subarray(1 + len);
      }
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    get statements() {
      return statements;
    },
    via(url: string) {
      const u = new URL(url);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
