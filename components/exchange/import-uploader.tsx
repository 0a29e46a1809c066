"use client";
// Upload form of /beheer/import: sends the file as the request body, then polls the ImportRun
// for the progress bar and, at the end, the outcome or the list of errors (line, field, reason).
import { useEffect, useRef, useState } from "react";
import { useLocale } from "@/components/i18n/i18n-provider";
import { formatNumber as formatNumberIn } from "@/lib/i18n/format";
import { useT } from "@/components/i18n/i18n-provider";

interface RunView {
  status: "VALIDATING" | "IMPORTING" | "SUCCEEDED" | "FAILED";
  doneLines: number;
  totalLines: number;
  newcomers: number;
  events: number;
  /** issue 15: new people whose number belonged to an anonymised dossier; absent from older servers */
  previouslyAnonymised?: number;
  errorCount: number;
  errors: { line: number; field: string; reason: string }[];
  /** steps out of the usual order (issue 14): the import went ahead; absent from older servers */
  warningCount?: number;
  warnings?: { line: number; field: string; reason: string }[];
}

export function ImportUploader() {
  const t = useT("exchange");
  const locale = useLocale();
  const formatNumber = (n: number) => formatNumberIn(n, locale);
  const [runId, setRunId] = useState<string | null>(null);
  const [run, setRun] = useState<RunView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!runId) return;
    let stop = false;
    const poll = async () => {
      const res = await fetch(`/beheer/import/runs/${runId}`, { cache: "no-store" });
      if (stop) return;
      if (res.ok) {
        const view = (await res.json()) as RunView;
        setRun(view);
        if (view.status === "SUCCEEDED" || view.status === "FAILED") {
          setBusy(false);
          return;
        }
      }
      setTimeout(() => void poll(), 500);
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [runId]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    setRun(null);
    setMessage(t("import.uploading"));
    try {
      const res = await fetch("/beheer/import/upload", { method: "POST", body: file, headers: { "x-file-name": encodeURIComponent(file.name) } });
      const body = (await res.json()) as { runId?: string; message?: string; fieldErrors?: Record<string, string> };
      // a refused file (422) says why in its field error; other refusals in the message
      if (!res.ok || !body.runId) {
        setMessage(Object.values(body.fieldErrors ?? {})[0] ?? body.message ?? t("import.failed"));
        setBusy(false);
        return;
      }
      setMessage(null);
      setRunId(body.runId);
    } catch {
      setMessage(t("import.failed"));
      setBusy(false);
    }
  }

  const pct = run && run.totalLines > 0 ? Math.round((run.doneLines / run.totalLines) * 100) : 0;
  return (
    <div className="space-y-4">
      <form className="card flex flex-wrap items-end gap-3" onSubmit={(e) => void submit(e)}>
        <div>
          <label className="label" htmlFor="import-file">
            {t("import.file")}
          </label>
          <input id="import-file" name="file" type="file" accept=".jsonl,.json,.txt" className="input" ref={fileRef} required />
        </div>
        <button className="btn-primary" type="submit" disabled={busy}>
          {t("import.start")}
        </button>
      </form>
      {message && (
        <p role="status" aria-live="polite" className="rounded-md bg-slate-50 p-3 text-sm" data-testid="import-message">
          {message}
        </p>
      )}
      {run && (
        <section className="card space-y-3" aria-live="polite" data-testid="import-run">
          <h2>{t(`import.status.${run.status}`)}</h2>
          {(run.status === "VALIDATING" || run.status === "IMPORTING") && (
            <div>
              <div
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={pct}
                aria-label={t(`import.status.${run.status}`)}
                className="h-3 w-full overflow-hidden rounded bg-slate-200"
              >
                <div className="h-3 bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
              </div>
              <p className="mt-1 text-sm text-slate-700">{t("import.progress", { done: formatNumber(run.doneLines), total: formatNumber(run.totalLines) })}</p>
            </div>
          )}
          {run.status === "SUCCEEDED" && <p>{t("import.result", { newcomers: formatNumber(run.newcomers), events: formatNumber(run.events) })}</p>}
          {run.status === "SUCCEEDED" && (run.previouslyAnonymised ?? 0) > 0 && (
            <p data-testid="import-previously-anonymised">{t("import.previouslyAnonymised", { count: formatNumber(run.previouslyAnonymised ?? 0) })}</p>
          )}
          {run.status === "SUCCEEDED" && (run.warningCount ?? 0) > 0 && (
            <>
              <p>
                {t("import.warningCount", { count: formatNumber(run.warningCount ?? 0) })}
                {(run.warningCount ?? 0) > (run.warnings?.length ?? 0) ? ` ${t("import.errorsShown", { shown: formatNumber(run.warnings?.length ?? 0) })}` : ""}
              </p>
              <div className="overflow-x-auto">
                <table className="data-table" data-testid="import-warnings">
                  <thead>
                    <tr>
                      <th scope="col">{t("import.line")}</th>
                      <th scope="col">{t("import.field")}</th>
                      <th scope="col">{t("import.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(run.warnings ?? []).map((w, i) => (
                      <tr key={i}>
                        <td>{w.line}</td>
                        <td>
                          <code>{w.field}</code>
                        </td>
                        <td>{w.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {run.status === "FAILED" && (
            <>
              <p>
                {t("import.errorCount", { count: formatNumber(run.errorCount) })}
                {run.errorCount > run.errors.length ? ` ${t("import.errorsShown", { shown: formatNumber(run.errors.length) })}` : ""}
              </p>
              <div className="overflow-x-auto">
                <table className="data-table" data-testid="import-errors">
                  <thead>
                    <tr>
                      <th scope="col">{t("import.line")}</th>
                      <th scope="col">{t("import.field")}</th>
                      <th scope="col">{t("import.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {run.errors.map((err, i) => (
                      <tr key={i}>
                        <td>{err.line}</td>
                        <td>
                          <code>{err.field || t("import.wholeLine")}</code>
                        </td>
                        <td>{err.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}
