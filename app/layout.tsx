import type { Metadata } from "next";
import { translator } from "@/lib/i18n/messages";
import "./globals.css";

const t = translator("common");

export const metadata: Metadata = {
  title: { default: t("appName"), template: `%s · ${t("appName")}` },
  description: t("appSubtitle"),
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="nl-BE">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
