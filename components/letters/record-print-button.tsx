"use client";
// Prints a letter (or a batch) through the browser's print dialog — one PDF for the batch when
// saved as PDF — after the server has recorded the letter(s) in the dossier(s). When recording
// fails nothing is printed and the error is shown.
import { useState, useTransition } from "react";

type Result = { ok: boolean; message?: string | undefined };

export function RecordPrintButton({ label, record }: { label: string; record: () => Promise<Result> }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="no-print inline-flex items-center gap-3">
      <button
        type="button"
        className="btn-primary"
        disabled={pending}
        data-testid="record-print"
        onClick={() =>
          start(async () => {
            const r = await record();
            setMessage(r.message ? { ok: r.ok, text: r.message } : null);
            if (r.ok) window.print();
          })
        }
      >
        {label}
      </button>
      {message && (
        <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-800" : "field-error"} data-testid="record-print-message">
          {message.text}
        </span>
      )}
    </span>
  );
}
