// GET /rapporten/publicaties/ID/download: the publication as one workbook, exactly the stored
// figures (nothing recomputed). Aggregates only, so a GET; audited (publication.export) by the
// data layer, which also decides visibility (out of scope: 404, audited); never cached.
import { publicationWorkbook } from "@/lib/domain/reports/publication-workbook";
import { route } from "@/lib/server/entry/route";
import { exportPublication } from "@/lib/server/reports/publications";

export const GET = route<{ id: string }>("report.read", async ({ actor, params }) => {
  const p = await exportPublication(actor, params.id, "xlsx");
  const body = await publicationWorkbook(p, actor.locale);
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="publicatie-${p.id}.xlsx"`,
    },
  });
});
