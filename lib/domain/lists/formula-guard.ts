// The formula guard of every file a spreadsheet opens (OWASP "CSV injection"): a text starting
// with =, +, -, @ (or a tab / carriage return, which some spreadsheets strip before evaluating)
// gets a single quote in front, so the spreadsheet shows it as text and never runs it. Used by the
// list exports (export-table.ts, CSV and XLSX alike), the DVZ file and the audit export
// (lib/domain/dvz/csv.ts escapeCsvCell). Pure.
export const guardFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
