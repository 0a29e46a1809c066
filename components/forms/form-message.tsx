// The outcome line of a form: success in green, failure in red, announced politely.
export function FormMessage({ result }: { result: { ok: boolean; message?: string } | null }) {
  if (!result?.message) return null;
  return (
    <p
      role="status"
      aria-live="polite"
      className={`rounded-md p-3 text-sm ${result.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}
      data-testid="form-message"
    >
      {result.message}
    </p>
  );
}
