"use client";
// Opens the browser's print dialog, where the letter can be printed or saved as PDF.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-primary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
