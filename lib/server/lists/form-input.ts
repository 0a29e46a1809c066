import "server-only";
// An export form's fields as strings (the first of each name; files ignored): the filters the
// list applies, format and volledig (components/lists/export-form.tsx).
export function formInput(body: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of body.entries()) if (typeof v === "string" && !(k in out)) out[k] = v;
  return out;
}
