"use client";

import { useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction } from "@/components/forms/use-form-action";

interface Option {
  code: string;
  label: string;
  agencyCode?: string;
}
interface Labels {
  [k: string]: string;
}
interface Result {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
}

interface Props {
  action: (prev: Result | null, form: FormData) => Promise<Result>;
  agencies: Option[];
  offices: Option[];
  labels: Labels;
  roleLabels: Record<string, string>;
  initial?: { email: string; name: string; role: string; officeCode: string | null; agencyCode: string | null; active: boolean };
}

export function UserForm({ action, agencies, offices, labels, roleLabels, initial }: Props) {
  const { result, pending, formRef, onSubmit } = useFormAction(action, { keepOnSuccess: Boolean(initial) });
  const [role, setRole] = useState(initial?.role ?? "STAFF");
  const err = result?.fieldErrors ?? {};
  const agencyLabel = (code: string) => agencies.find((a) => a.code === code)?.label ?? code;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="card max-w-xl space-y-4" noValidate>
      <FormMessage result={result} />
      {!initial && (
        <Field name="email" label={labels.email!} error={err.email}>
          {(a) => <input {...a} type="email" className="input" required autoComplete="off" />}
        </Field>
      )}
      <Field name="name" label={labels.name!} error={err.name}>
        {(a) => <input {...a} className="input" required defaultValue={initial?.name ?? ""} />}
      </Field>
      <Field name="role" label={labels.role!} error={err.role}>
        {(a) => (
          <select {...a} className="input" value={role} onChange={(e) => setRole(e.target.value)}>
            {Object.entries(roleLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role === "STAFF" && (
        <Field name="officeCode" label={labels.office!} error={err.officeCode} hint={labels.officeHint!}>
          {(a) => (
            <select {...a} className="input" defaultValue={initial?.officeCode ?? ""}>
              <option value="">{labels.none}</option>
              {offices.map((o) => (
                <option key={o.code} value={o.code}>
                  {agencyLabel(o.agencyCode ?? "")} · {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {role === "MANAGER" && (
        <Field name="agencyCode" label={labels.agency!} error={err.agencyCode} hint={labels.agencyHint!}>
          {(a) => (
            <select {...a} className="input" defaultValue={initial?.agencyCode ?? ""}>
              <option value="">{labels.allFlanders}</option>
              {agencies.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        name="password"
        label={initial ? labels.newPassword! : labels.password!}
        error={err.password}
        {...(initial ? { hint: labels.newPasswordHint! } : {})}
      >
        {(a) => <input {...a} type="password" className="input" autoComplete="new-password" />}
      </Field>
      {initial && (
        <div className="flex items-center gap-2">
          <input id="f-active" name="active" type="checkbox" defaultChecked={initial.active} className="h-4 w-4" />
          <label htmlFor="f-active" className="text-sm">
            {labels.active}
          </label>
        </div>
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {initial ? labels.save : labels.create}
      </button>
    </form>
  );
}
