// Said under a short list that stopped at its limit (lib/domain/lists/first-of.ts): how many are
// shown and where to find the rest. Server component.
import { formatNumber } from "@/lib/i18n/format";
import { type Locale, translator } from "@/lib/i18n/messages";

export function MoreNote(props: { more: boolean; shown: number; hint: string; locale: Locale }) {
  if (!props.more) return null;
  const t = translator("common", props.locale);
  return (
    <p role="note" className="text-sm text-slate-700" data-testid="more-note">
      {t("lists.more", { count: formatNumber(props.shown, props.locale) })} {props.hint}
    </p>
  );
}
