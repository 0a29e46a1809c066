import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
const s = await startEmbeddedPostgres({ dataDir: process.argv[2]!, port: Number(process.argv[3]), log: () => {} });
console.log(s.url("inburgering"));
setInterval(() => {}, 1 << 30);
