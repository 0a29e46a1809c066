// The formula guard of every file a spreadsheet opens (OWASP "CSV injection"): a text starting
// with =, +, -, @ (or a tab / carriage return, which some spreadsheets strip before evaluating)
// gets a single quote in front, so the spreadsheet shows it as text and never runs it. Used by the
// one CSV writer (csv.ts writeCsv: the list exports, the DVZ file, the audit export, the reports)
// and the XLSX writers. Pure.
export const guardFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
