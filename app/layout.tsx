import type { Metadata } from "next";
import { connection } from "next/server";
import { translator } from "@/lib/i18n/messages";
import "./globals.css";

const t = translator("common");

export const metadata: Metadata = {
  title: { default: t("appName"), template: `%s · ${t("appName")}` },
  description: t("appSubtitle"),
};

// Every page is rendered per request: the Content-Security-Policy (proxy.ts) carries a fresh
// nonce, and Next can put that nonce on its inline scripts only when it renders the page then
// (a page prerendered at build time would carry no nonce and be blocked by the policy).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="nl-BE">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
