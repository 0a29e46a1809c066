// Tables 1–18 of the printed answer to written question nr. 113 (2023), in its order and with
// its titles, as report requests over a chosen period and reference date. The printed answer
// covers 2019–2022 (contracts 2020–2022) and Table 12 only the last year; here every table takes
// the chosen period, Table 12 its last year.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { dynamicMessage } from "@/lib/i18n/messages";
import type { Dimension, Measure } from "./definitions";

export interface AnswerTable {
  number: number;
  title: string;
  measures: Measure[];
  by: Dimension[];
  lastYearOnly?: boolean;
  /** printed with its agency subtotals, the offices beneath (the tables by office) */
  agencySubtotals?: boolean;
}

export const answerTables: AnswerTable[] = [
  {
    number: 1,
    title: "Al dan niet aangemeld zijn bij één van de drie agentschappen, per jaar",
    measures: ["reach"],
    by: ["office", "registered"],
    agencySubtotals: true,
  },
  {
    number: 2,
    title: "Aantal personen met een inburgeringscontract per agentschap en per regio",
    measures: ["contracts"],
    by: ["agency", "office"],
    agencySubtotals: true,
  },
  { number: 3, title: "Aantal personen met een inburgeringscontract per nationaliteitsgroep", measures: ["contracts"], by: ["nationality_group"] },
  { number: 4, title: "Aantal personen met een inburgeringscontract per nationaliteit", measures: ["contracts"], by: ["nationality"] },
  { number: 5, title: "Aantal personen met een inburgeringscontract per geslacht", measures: ["contracts"], by: ["gender"] },
  { number: 6, title: "Aantal personen met een inburgeringscontract per doelgroep", measures: ["contracts"], by: ["target_group"] },
  { number: 7, title: "Aantal personen met een inburgeringscontract per verblijfsstatus", measures: ["contracts"], by: ["residence_status"] },
  { number: 8, title: "Aantal personen met een inburgeringsattest", measures: ["attestations"], by: ["agency"] },
  { number: 9, title: "Aantal ontvangen inbreukdossiers", measures: ["infringements"], by: ["office"], agencySubtotals: true },
  { number: 10, title: "Aantal inbreukdossiers per type inbreuk", measures: ["infringements"], by: ["infringement_type"] },
  { number: 11, title: "Besluiten van inbreukdossiers per jaar", measures: ["infringements"], by: ["decision"] },
  { number: 12, title: "Bedragen van de boetes", measures: ["fines", "fine_amount_eur"], by: ["amount"], lastYearOnly: true },
  { number: 13, title: "Aantal inbreukdossiers met een besluit boete naar regio", measures: ["fines"], by: ["office"], agencySubtotals: true },
  { number: 14, title: "Aantal inbreukdossiers met een besluit boete naar nationaliteitsgroep", measures: ["fines"], by: ["nationality_group"] },
  { number: 15, title: "Aantal inbreukdossiers met een besluit boete naar nationaliteit", measures: ["fines"], by: ["nationality"] },
  { number: 16, title: "Aantal inbreukdossiers met een besluit boete naar verblijfsstatus", measures: ["fines"], by: ["residence_status"] },
  { number: 17, title: "Aantal inbreukdossiers met een besluit boete naar doelgroep", measures: ["fines"], by: ["target_group"] },
  { number: 18, title: "Aantal inbreukdossiers met een besluit boete naar geslacht", measures: ["fines"], by: ["gender"] },
];

/** A table's title in a language (messages/<locale>/reports.json, answerTables; Dutch as printed). */
export function answerTableTitle(table: AnswerTable, locale: Locale = DEFAULT_LOCALE): string {
  return dynamicMessage("reports", locale, `answerTables.${table.number}`, table.title)!;
}

/** Whether a table of the answer (by its number) is printed with agency subtotals. */
export function hasAgencySubtotals(tableNumber: number | undefined): boolean {
  return answerTables.find((t) => t.number === tableNumber)?.agencySubtotals === true;
}
