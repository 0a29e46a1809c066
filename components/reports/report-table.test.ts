// The printed table: the Totaal line must not sit in a <tfoot> (browsers repeat a tfoot at the foot
// of every page a long table spans in print — the Totaal line then shows mid-table); it is the
// last row of the table. The header stays in <thead> (repeated on every page, as it should be).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { report } from "@/lib/domain/reports/disclosure/fixture.test-support";
import { ReportTable } from "./report-table";

const r = report("infringements", ["office"], 2021, 2022, [
  [["ATLAS"], { 2021: 5, 2022: 6 }],
  [["AGII_LIMBURG"], { 2021: 10, 2022: 20 }],
  [["AGII_BRUSSEL"], { 2021: 1, 2022: 2 }],
]);

describe("ReportTable", () => {
  it("prints the Totaal line once, as the last row, not in a repeating <tfoot>; the header in <thead>", () => {
    const html = renderToStaticMarkup(createElement(ReportTable, { report: r, mask: null, caption: "c", locale: "nl" }));
    expect(html).not.toContain("<tfoot");
    expect(html).toContain("<thead>");
    const lastRow = html.slice(html.lastIndexOf("<tr"));
    expect(lastRow).toContain('data-testid="report-total"');
    expect(html.match(/report-total/g)).toHaveLength(1);
  });

  it("prints the agency subtotal (bold) with its offices beneath, and a footnote under the table", () => {
    const html = renderToStaticMarkup(
      createElement(ReportTable, {
        report: r,
        mask: null,
        caption: "c",
        locale: "nl",
        agencySubtotals: true,
        footnotes: [{ mark: "*", rowKeys: ["AGII_BRUSSEL"], text: "*Een voetnoot" }],
      }),
    );
    expect(html).toMatch(
      /<tr data-keys="AGII,?" class="font-semibold" data-subtotal="agency"><th scope="row">Vlaams Agentschap<\/th><td>11<\/td><td>22<\/td><td>33<\/td>/,
    );
    expect(html.indexOf('data-keys="AGII"')).toBeLessThan(html.indexOf('data-keys="AGII_LIMBURG"'));
    expect(html).toContain('data-subtotal="office"><th scope="row" class="pl-6">AGII_BRUSSEL*</th>');
    expect(html).toContain("*Een voetnoot</p>");
  });
});
