"use client";

import { useT } from "@/components/i18n/i18n-provider";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useT("common");
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1>{t("errors.unexpected")}</h1>
      <button type="button" className="btn-secondary mt-6" onClick={reset}>
        {t("actions.back")}
      </button>
    </main>
  );
}
