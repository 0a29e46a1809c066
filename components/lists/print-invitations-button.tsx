// "Print invitations" for the selection of a bulk form (issue 14): a native POST of the checked
// `ids` to the batch letter page's selection route (app/(app)/dossiers/uitnodigingen/selectie),
// which shows the letters and records them when the user prints. BulkForm lets a button with a
// formAction submit natively instead of answering it with its server action.
export const PRINT_INVITATIONS_PATH = "/dossiers/uitnodigingen/selectie";

export function PrintInvitationsButton({ label }: { label: string }) {
  return (
    <button type="submit" formAction={PRINT_INVITATIONS_PATH} formMethod="post" formNoValidate className="btn-secondary" data-testid="bulk-print-invitations">
      {label}
    </button>
  );
}
