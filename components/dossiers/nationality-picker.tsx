"use client";
// A searchable nationality field: the user types (part of) the Dutch name or the code and picks
// from the list; the form sends the code. Text that matches nothing is sent as is, so the server
// answers with its Dutch error next to the field.
import { useState } from "react";

export interface NationalityOption {
  code: string;
  label: string;
  group: string;
}

interface Props {
  a11y: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };
  options: NationalityOption[];
  defaultCode?: string | undefined;
  onPick?: (n: NationalityOption | null) => void;
}

const display = (n: NationalityOption) => `${n.label} (${n.code})`;

export function NationalityPicker({ a11y, options, defaultCode, onPick }: Props) {
  const initial = options.find((o) => o.code === defaultCode);
  const [text, setText] = useState(initial ? display(initial) : "");
  const [code, setCode] = useState(initial?.code ?? "");
  const listId = `${a11y.id}-list`;
  const resolve = (value: string) => {
    const v = value.trim().toLowerCase();
    const hit = options.find((o) => display(o).toLowerCase() === v || o.label.toLowerCase() === v || o.code.toLowerCase() === v) ?? null;
    setCode(hit ? hit.code : value.trim());
    onPick?.(hit);
  };
  const { name, ...rest } = a11y;
  return (
    <>
      <input
        {...rest}
        className="input"
        list={listId}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          resolve(e.target.value);
        }}
      />
      <input type="hidden" name={name} value={code} />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.code} value={display(o)} />
        ))}
      </datalist>
    </>
  );
}
