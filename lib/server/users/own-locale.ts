import "server-only";
// A user chooses their own language. Only their own row, audited in the same transaction as
// user.locale (before/after), and nothing when the choice is unchanged.
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locale";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";

export const ownLocaleSchema = z.object({ locale: z.enum(LOCALES) });

export async function setOwnLocale(actor: Actor, input: z.output<typeof ownLocaleSchema>): Promise<void> {
  assertCan(actor, "profile.update");
  if (input.locale === actor.locale) return;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { locale: input.locale }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: "user.locale",
      entityType: "user",
      entityId: actor.userId,
      before: { locale: actor.locale },
      after: { locale: input.locale },
    });
  });
}
