// The answer as printed (issue 13), over the demo data (loaded by scripts/e2e-server.ts; this file
// runs before the tests that record contracts, so Table 2 is the printed one): the agency lines with
// their offices beneath and Table 10's footnote on the page; in print, the Totaal line only at the
// end of a table (never a repeating table footer); a manager publishes with an edited introduction,
// the publication shows it, and its workbook holds the agency lines, the footnote and the texts.
import ExcelJS from "exceljs";
import { expect, test } from "./support/fixtures";

const answerUrl = "/rapporten/antwoord?from=2020&to=2022&asOf=2023-01-15";

test("het antwoord zoals afgedrukt: subtotalen per agentschap, voetnoot, bewerkbare inleiding, Excel van de publicatie", async ({
  page,
  createUser,
  signIn,
}) => {
  test.setTimeout(180_000);
  const manager = await createUser("MANAGER", null);
  await signIn(page, manager);
  await page.goto(answerUrl);

  const table2 = page.locator("section", { has: page.locator("#tabel-2") }).getByTestId("report-table");
  const agii = table2.locator('tr[data-subtotal="agency"]', { hasText: "Vlaams Agentschap" });
  await expect(agii.locator("td")).toHaveText(["12.703", "16.006", "14.525", "43.234"]);
  // its offices follow it, Atlas is one agency line (its only office)
  await expect(table2.locator('tr[data-subtotal="office"]')).toHaveCount(6);
  await expect(table2.locator('tr[data-subtotal="agency"]')).toHaveCount(3);
  // Table 1: the Vlaams Agentschap's line, then each province's line with its registered split beneath
  const table1 = page.locator("section", { has: page.locator("#tabel-1") }).getByTestId("report-table");
  await expect(table1.locator('tr[data-subtotal="agency"]', { hasText: "Vlaams Agentschap" })).toHaveCount(1);
  await expect(table1.locator('tr[data-subtotal="office"]', { hasText: "Provincie Antwerpen" })).toHaveCount(1);
  await expect(table1.locator('tr[data-subtotal="detail"]')).not.toHaveCount(0);
  const table10 = page.locator("section", { has: page.locator("#tabel-10") });
  await expect(table10.getByTestId("table-footnote")).toHaveText(/^\*Enige mogelijke inbreuk van rechthebbende inburgeraars/);
  await expect(page.getByTestId("answer-texts")).toContainText("De cijfers geven de situatie weer op 15/01/2023.");

  // print: the Totaal line is each table's last row and never a table footer group (Chrome repeats
  // one at the foot of every printed page; Table 4, by nationality, spans several pages)
  await page.emulateMedia({ media: "print" });
  const layout = await page.getByTestId("report-table").evaluateAll((tables) =>
    tables.map((t) => {
      const rows = t.querySelectorAll("tr");
      const total = t.querySelector('[data-testid="report-total"]')!;
      return {
        footers: [...t.querySelectorAll("*")].filter((e) => getComputedStyle(e).display === "table-footer-group").length,
        totals: t.querySelectorAll('[data-testid="report-total"]').length,
        last: rows[rows.length - 1] === total,
      };
    }),
  );
  expect(layout.length).toBeGreaterThanOrEqual(18);
  for (const l of layout) expect(l).toEqual({ footers: 0, totals: 1, last: true });
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThan(3);
  await page.emulateMedia({ media: "screen" });

  const form = page.getByTestId("publish-form");
  await expect(form.getByLabel("Vraag zoals afgedrukt")).toHaveValue(/nr\. 113 van 06\/01\/2023 van Maaike De Vreese/);
  await expect(form.getByLabel("Inleiding van het antwoord")).toHaveValue(/^De cijfers geven de situatie weer op 15\/01\/2023\. .*onder voorbehoud/);
  const intro = "De cijfers geven de situatie weer op 15/01/2023. Bewerkt door het kabinet.";
  await form.getByLabel("Titel").fill("Vraag 113 zoals afgedrukt");
  await form.getByLabel("Inleiding van het antwoord").fill(intro);
  await form.getByRole("button", { name: "Publiceren" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("Gepubliceerd.");
  await form.getByRole("link", { name: "Publicatie openen" }).click();
  await expect(page.getByTestId("publication-introduction")).toHaveText(intro);
  await expect(page.getByTestId("publication-question")).toContainText("Schriftelijke vraag nr. 113");
  const pubTable2 = page.getByTestId("report-table").nth(1);
  await expect(pubTable2.locator('tr[data-subtotal="agency"]', { hasText: "Vlaams Agentschap" }).locator("td")).toHaveText([
    "12.703",
    "16.006",
    "14.525",
    "43.234",
  ]);
  await expect(page.getByTestId("table-footnote").first()).toContainText("Enige mogelijke inbreuk");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Excel (zoals gepubliceerd)" }).click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await (await downloading).path());
  const values = (name: string) => (wb.getWorksheet(name)!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.filter((v) => v !== undefined));
  const about = values("Parameters").flat();
  expect(about).toEqual(expect.arrayContaining([intro, "voorlopig", "Vraag 113 zoals afgedrukt"]));
  const t2 = values("Tabel 2");
  expect(t2.find((r) => r[0] === "Vlaams Agentschap")!.slice(-4)).toEqual([12703, 16006, 14525, 43234]);
  expect(t2.some((r) => String(r[1]).startsWith("    "))).toBe(true);
  expect(values("Tabel 10").flat()).toContain("*Enige mogelijke inbreuk van rechthebbende inburgeraars. Bestaat niet meer sinds 1/3/2022");
});
