"use client";
// The forms of /beheer/bewaartermijnen (issue 15): anonymise the chosen due dossiers (with a typed
// confirmation), set a legal hold on one, remove a hold. Each posts to its server action.
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction, type FormResult } from "@/components/forms/use-form-action";

type Action = (prev: FormResult | null, form: FormData) => Promise<FormResult>;

export interface DueRow {
  id: string;
  name: string;
  agency: string;
  lastActivity: string;
  holds: string;
}

export function AnonymiseForm({
  action,
  rows,
  labels,
}: {
  action: Action;
  rows: DueRow[];
  labels: Record<"name" | "agency" | "lastActivity" | "holds" | "choose" | "confirm" | "submit" | "none", string>;
}) {
  const f = useFormAction(action);
  // the last due dossiers anonymised: the outcome stays in view (the form stays mounted), the table goes
  if (rows.length === 0)
    return (
      <div data-testid="anonymise-form">
        <FormMessage result={f.result} />
        <p>{labels.none}</p>
      </div>
    );
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} className="space-y-3" noValidate data-testid="anonymise-form">
      <FormMessage result={f.result} />
      {f.errors.newcomerIds ? <p className="text-red-700">{f.errors.newcomerIds}</p> : null}
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left">
            <th>{labels.choose}</th>
            <th>{labels.name}</th>
            <th>{labels.agency}</th>
            <th>{labels.lastActivity}</th>
            <th>{labels.holds}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <input type="checkbox" name="newcomerIds" value={r.id} disabled={!!r.holds} aria-label={`${labels.choose}: ${r.name}`} />
              </td>
              <td>{r.name}</td>
              <td>{r.agency}</td>
              <td>{r.lastActivity}</td>
              <td>{r.holds}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Field name="confirm" label={labels.confirm} error={f.errors.confirm}>
        {(a) => <input {...a} className="input" autoComplete="off" />}
      </Field>
      <button type="submit" className="btn-danger" disabled={f.pending}>
        {labels.submit}
      </button>
    </form>
  );
}

export function SetHoldForm({
  action,
  dossiers,
  labels,
}: {
  action: Action;
  dossiers: { id: string; name: string }[];
  labels: Record<"dossier" | "reason" | "submit", string>;
}) {
  const f = useFormAction(action);
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} className="space-y-2" noValidate data-testid="set-hold-form">
      <FormMessage result={f.result} />
      <Field name="newcomerId" label={labels.dossier} error={f.errors.newcomerId}>
        {(a) => (
          <select {...a} className="input">
            {dossiers.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="reason" label={labels.reason} error={f.errors.reason}>
        {(a) => <textarea {...a} className="input" rows={2} />}
      </Field>
      <button type="submit" className="btn-primary" disabled={f.pending}>
        {labels.submit}
      </button>
    </form>
  );
}

export function RemoveHoldForm({ action, holdId, labels }: { action: Action; holdId: string; labels: Record<"reason" | "submit", string> }) {
  const f = useFormAction(action);
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} className="mt-2 space-y-2" noValidate>
      <FormMessage result={f.result} />
      <input type="hidden" name="holdId" value={holdId} />
      {/* one of these per hold on the page: its own id, not Field's (which is derived from the name) */}
      <label htmlFor={`remove-${holdId}`} className="label">
        {labels.reason}
      </label>
      <input id={`remove-${holdId}`} name="reason" className="input" aria-invalid={f.errors.reason ? true : undefined} />
      {f.errors.reason ? (
        <p className="field-error" role="alert">
          {f.errors.reason}
        </p>
      ) : null}
      <button type="submit" className="btn-secondary" disabled={f.pending}>
        {labels.submit}
      </button>
    </form>
  );
}
