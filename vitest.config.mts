import { defineConfig } from "vitest/config";
import path from "node:path";

// Two tiers: unit tests sit beside the code (*.test.ts, no I/O); integration tests live in
// tests/integration and run against a real PostgreSQL (tests/integration/setup starts a fresh
// embedded one unless DATABASE_URL is set).
const alias = { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "tests/support/server-only-stub.ts") };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
          environment: "node",
          // pure tests: one module graph per worker instead of one per file (the tier was ~25 s of
          // worker start-up and re-imports for ~3 s of tests)
          isolate: false,
          pool: "threads",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
