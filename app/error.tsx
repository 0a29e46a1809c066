"use client";

import { translator } from "@/lib/i18n/messages";

const t = translator("common");

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1>{t("errors.unexpected")}</h1>
      <button type="button" className="btn-secondary mt-6" onClick={reset}>{t("actions.back")}</button>
    </main>
  );
}
