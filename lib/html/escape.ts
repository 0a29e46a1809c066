// Escaping for the few places that build HTML as a string (the body of a large report table):
// every text and attribute value goes through escapeHtml, never raw.
const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => entities[c]!);
}
