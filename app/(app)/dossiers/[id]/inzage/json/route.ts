// POST /dossiers/[id]/inzage/json — the inzage (right of access) as a JSON file, built by the
// same function as the page. A POST (the button on the inzage page): no link or image can make
// an admin download a person's data; GET is not exported, so Next answers it with 405.
import { route } from "@/lib/server/entry/route";
import { buildInzage } from "@/lib/server/inzage/build-inzage";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>("dossier.inzage", async ({ actor, params }) => {
  const doc = await buildInzage(actor, params.id, "json");
  // the file is named after the dossier id and the day, never the national number
  const fileName = `inzage-${doc.person.id}-${doc.producedAt.slice(0, 10)}.json`;
  return new Response(JSON.stringify(doc, null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` },
  });
});
