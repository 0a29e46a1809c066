"use client";
// Opens the browser's print dialog (print to PDF); the print stylesheet hides the controls.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-primary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
