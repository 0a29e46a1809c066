"use client";
// Shows the masked national number; the button asks the server for the full one (audited).
import { useState, useTransition } from "react";
import { useT } from "@/components/i18n/i18n-provider";

export function RevealNationalNumber({ masked, reveal }: { masked: string; reveal: () => Promise<{ ok: boolean; data?: string; message?: string }> }) {
  const t = useT("dossiers");
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono" data-testid="national-number">
        {shown ?? masked}
      </span>
      {!shown && (
        <button
          type="button"
          className="btn-secondary px-2 py-0.5 text-xs"
          disabled={pending}
          title={t("dossier.revealHint")}
          onClick={() =>
            start(async () => {
              const r = await reveal();
              if (r.ok && r.data) setShown(r.data);
              else setError(r.message ?? null);
            })
          }
        >
          {t("dossier.reveal")}
        </button>
      )}
      {error && (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      )}
    </span>
  );
}
