// The inzage (right of access) as a printable document: one section per kind of data, each
// table complete (nothing folded away, so the browser's print to PDF holds all of it).
import { infringementLabel, outcomeLabel, paymentLabel, statusLabel } from "@/components/fines/labels";
import { Timeline } from "@/components/dossiers/timeline";
import { formatDate, formatDateTime, formatEuro } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { looseTranslator, translator } from "@/lib/i18n/messages";
import { auditActionLabel } from "@/lib/server/audit/list-audit-labels";
import { changesAsText } from "@/lib/server/audit/list-audit-changes";
import type { InzageDocument as Doc } from "@/lib/server/inzage/build-inzage";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3" data-testid={`inzage-${id}`}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function InzageDocument({ doc, locale }: { doc: Doc; locale: Locale }) {
  const t = translator("inzage", locale);
  // the code lists are closed, but typed as strings in the document: looked up by value
  const d = looseTranslator("dossiers", locale);
  const p = doc.person;
  const none = <p className="card text-sm">{t("none")}</p>;
  const address = [p.street, [p.postalCode, p.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  const facts: [string, string][] = [
    [t("person.name"), `${p.lastName}, ${p.firstName}`],
    [t("person.nationalNumber"), p.nationalNumber],
    [t("person.birthDate"), formatDate(p.birthDate)],
    [t("person.gender"), d(`genders.${p.gender}`)],
    [t("person.nationality"), p.nationality],
    [t("person.nationalityGroup"), d(`groups.${p.nationalityGroup}`)],
    [t("person.residenceStatus"), p.residenceStatus],
    [t("person.targetGroup"), d(`targetGroups.${p.targetGroup}`)],
    [t("person.office"), p.office],
    [t("person.agency"), p.agency],
    [t("person.address"), address || "—"],
    [t("person.createdAt"), formatDateTime(p.createdAt, locale)],
    [t("person.updatedAt"), formatDateTime(p.updatedAt, locale)],
  ];
  return (
    <div className="space-y-8">
      <Section id="person" title={t("sections.person")}>
        <dl className="card grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-slate-600">{label}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section id="track" title={t("sections.track")}>
        <Timeline entries={doc.track} locale={locale} />
      </Section>
      <Section id="decisions" title={t("sections.decisions")}>
        {doc.decisions.length === 0 ? (
          none
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("decision.infringement")}</th>
                <th scope="col">{t("decision.outcome")}</th>
                <th scope="col">{t("decision.decidedOn")}</th>
                <th scope="col">{t("decision.amount")}</th>
                <th scope="col">{t("decision.status")}</th>
                <th scope="col">{t("decision.motivation")}</th>
                <th scope="col">{t("decision.correction")}</th>
                <th scope="col">{t("decision.payment")}</th>
              </tr>
            </thead>
            <tbody>
              {doc.decisions.map((x) => (
                <tr key={x.id}>
                  <td>
                    {infringementLabel(x.infringementType, locale)} ({formatDate(x.infringementDate)})
                  </td>
                  <td>{outcomeLabel(x.outcome, locale)}</td>
                  <td>{formatDate(x.decidedOn)}</td>
                  <td>{x.amountEur === null ? "—" : formatEuro(x.amountEur, { locale })}</td>
                  <td>{statusLabel(x.status, locale)}</td>
                  <td className="whitespace-pre-wrap">{x.motivation || "—"}</td>
                  <td>{x.correctionReason ?? "—"}</td>
                  <td>
                    {x.paymentStatus
                      ? t("payment", {
                          status: paymentLabel(x.paymentStatus, locale),
                          paid: formatDate(x.paidOn) || "—",
                          reminder: formatDate(x.reminderSentOn) || "—",
                          handedOver: formatDate(x.handedOverOn) || "—",
                        })
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section id="dvz" title={t("sections.dvz")}>
        {doc.dvzAdvices.length === 0 ? none : <Timeline entries={doc.dvzAdvices} locale={locale} />}
      </Section>
      <Section id="letters" title={t("sections.letters")}>
        {doc.letters.length === 0 ? (
          <p className="card text-sm">{t("noneLetters")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("letter.kind")}</th>
                <th scope="col">{t("letter.at")}</th>
                <th scope="col">{t("letter.by")}</th>
              </tr>
            </thead>
            <tbody>
              {doc.letters.map((l) => (
                <tr key={l.id}>
                  <td>{d(`letters.kinds.${l.kind}`)}</td>
                  <td>{formatDateTime(l.at, locale)}</td>
                  <td>{l.by ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section id="rectifications" title={t("sections.rectifications")}>
        {doc.rectifications.length === 0 ? (
          none
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("log.when")}</th>
                <th scope="col">{t("log.who")}</th>
                <th scope="col">{t("log.what")}</th>
                <th scope="col">{t("log.changes")}</th>
                <th scope="col">{t("log.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {doc.rectifications.map((r, i) => (
                <tr key={`${r.at}-${i}`}>
                  <td className="whitespace-nowrap">{formatDateTime(r.at, locale)}</td>
                  <td>{r.who ?? "—"}</td>
                  <td>{auditActionLabel(r.action, locale)}</td>
                  <td>{changesAsText(r.changes)}</td>
                  <td>{r.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section id="access-log" title={t("sections.accessLog")}>
        {doc.accessLog.length === 0 ? (
          none
        ) : (
          <table className="data-table" data-testid="inzage-access-log-table">
            <thead>
              <tr>
                <th scope="col">{t("log.when")}</th>
                <th scope="col">{t("log.who")}</th>
                <th scope="col">{t("log.what")}</th>
                <th scope="col">{t("log.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {doc.accessLog.map((a, i) => (
                <tr key={`${a.at}-${i}`}>
                  <td className="whitespace-nowrap">{formatDateTime(a.at, locale)}</td>
                  <td>{a.who ?? "—"}</td>
                  <td>{auditActionLabel(a.action, locale)}</td>
                  <td>{a.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}
