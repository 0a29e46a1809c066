"use client";
// The form around a list with checkboxes (name="ids"): one server action answers every bulk
// button, told apart by the button's `bulk` value (FormData with the submitter). A refused
// action names every item that stopped it (field errors `item.<id>`) — nothing was changed.
import { type FormEvent, type ReactNode, startTransition, useActionState, useRef } from "react";
import type { FormResult } from "@/components/forms/use-form-action";
import { useT } from "@/components/i18n/i18n-provider";

export function BulkForm(props: {
  action: (prev: FormResult | null, form: FormData) => Promise<FormResult>;
  names: Record<string, string>;
  toolbar: ReactNode;
  children: ReactNode;
  hidden?: Record<string, string>;
}) {
  const t = useT("worklists");
  const [result, dispatch, pending] = useActionState<FormResult | null, FormData>(props.action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // a button with its own destination (print invitations) submits natively to it
    if (submitter?.getAttribute("formaction")) return;
    e.preventDefault();
    const form = new FormData(e.currentTarget, submitter);
    startTransition(() => dispatch(form));
  };
  const toggleAll = (checked: boolean) => {
    for (const box of formRef.current?.querySelectorAll<HTMLInputElement>('input[name="ids"]') ?? []) box.checked = checked;
  };
  const items = Object.entries(result?.fieldErrors ?? {}).filter(([k]) => k.startsWith("item."));
  const others = Object.entries(result?.fieldErrors ?? {}).filter(([k]) => !k.startsWith("item."));
  return (
    <form ref={formRef} onSubmit={onSubmit} aria-busy={pending} className="space-y-3">
      {Object.entries(props.hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <fieldset className="card flex flex-wrap items-end gap-3">
        <legend className="px-1 text-sm font-semibold">{t("bulk.legend")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" onChange={(e) => toggleAll(e.currentTarget.checked)} />
          {t("bulk.selectAll")}
        </label>
        {props.toolbar}
      </fieldset>
      {result && (
        <div role={result.ok ? "status" : "alert"} className={`rounded-md p-3 text-sm ${result.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}>
          <p>{result.message}</p>
          {(items.length > 0 || others.length > 0) && (
            <ul className="mt-1 list-disc pl-5">
              {others.map(([k, m]) => (
                <li key={k}>{m}</li>
              ))}
              {items.map(([k, m]) => (
                <li key={k}>{t("bulk.itemProblem", { name: props.names[k.slice(5)] ?? k.slice(5), problem: m })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {props.children}
    </form>
  );
}
