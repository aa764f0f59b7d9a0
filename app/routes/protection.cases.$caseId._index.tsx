import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FieldError, FormAlert, PageTitle } from "~/components/form";
import { LOCALES, LOCALE_NAMES } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import { moroccoToday } from "~/lib/morocco-time";
import type { MessageKey } from "~/i18n/translate";
import { parseForm, type FieldErrors } from "~/lib/forms.server";
import { distributionsOfCase, listItems, vouchersOfCase } from "~/modules/aid/queries.server";
import { IssueVoucherSchema } from "~/modules/aid/schemas.server";
import { issueVoucher } from "~/modules/aid/service.server";
import { requirePermission } from "~/modules/auth/guards.server";
import {
  caseDetail,
  caseViewersForSupervisor,
  NOTES_PER_PAGE,
  ownsCase,
  partnerAssociations,
} from "~/modules/protection/queries.server";
import { parseQuery, query } from "~/lib/params.server";
import { isReferralOverdue, nextStatuses, VULNERABILITIES } from "~/modules/protection/rules";
import { ageOn } from "~/lib/age";
import {
  AssignSchema,
  ConsentSchema,
  NoteSchema,
  ReferralSchema,
  ServiceStatusSchema,
  VulnerabilitySchema,
} from "~/modules/protection/schemas.server";
import { SERVICE_KINDS } from "~/modules/protection/constants";
import { CaseIntentSchema } from "~/modules/protection/schemas.server";
import {
  addNote,
  anonymiseCase,
  assignCase,
  recordConsent,
  recordVulnerability,
  requestReferral,
  requireCase,
  updateServiceStatus,
  viewCase,
  withdrawConsent,
} from "~/modules/protection/service.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const db = args.context.db;
  const notesPage = parseQuery(args, { notes: query.int(1, 100_000) }).notes ?? 1;
  const c = await viewCase(db, actor, args.params.caseId ?? "", { ip: args.context.ip });
  const own = ownsCase(actor, c);
  const [detail, { supervisor, viewers }, partners, given, issued, items] = await Promise.all([
    caseDetail(db, c, { notesPage }),
    own ? caseViewersForSupervisor(db, c.id, actor.id) : { supervisor: false, viewers: [] },
    own ? partnerAssociations(db, c.organisationId) : Promise.resolve([]),
    distributionsOfCase(db, c.id),
    vouchersOfCase(db, c.id),
    listItems(db),
  ]);
  const today = moroccoToday();
  return {
    own,
    supervisor,
    today,
    age: ageOn(c.dateOfBirth, today) ?? c.estimatedAge,
    case: {
      ...c,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      anonymisedAt: c.anonymisedAt?.toISOString() ?? null,
    },
    organisationName: detail.organisationName,
    consent: detail.consent
      ? {
          ...detail.consent,
          givenAt: detail.consent.givenAt.toISOString(),
          withdrawnAt: detail.consent.withdrawnAt?.toISOString() ?? null,
        }
      : null,
    notes: detail.notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
    notesPage,
    notesPages: Math.max(1, Math.ceil(detail.noteCount / NOTES_PER_PAGE)),
    vulnerability: detail.vulnerability
      ? {
          assessedOn: detail.vulnerability.assessedOn,
          flags: detail.vulnerability.flags,
          notes: detail.vulnerability.notes,
        }
      : null,
    services: detail.services.map((s) => ({
      id: s.id,
      kind: s.kind,
      serviceDate: s.serviceDate,
      provider: s.provider,
      status: s.status,
      dueDate: s.dueDate,
      costCentimes: s.costCentimes,
      details: s.details,
      notes: s.notes,
      next: nextStatuses(s.kind, s.status),
      overdue: isReferralOverdue(s, today),
    })),
    referrals: detail.referrals.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    staff: detail.staff,
    partners,
    viewers: viewers.map((v) => ({ ...v, at: v.at.toISOString() })),
    distributions: given.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
    vouchers: issued.map((v) => ({
      id: v.id,
      valueCentimes: v.valueCentimes,
      issuedAt: v.issuedAt.toISOString(),
      redeemedAt: v.redeemedAt?.toISOString() ?? null,
    })),
    voucherItems: items
      .filter((i) => i.kind === "voucher")
      .map((i) => ({ id: i.id, name: i.name, value: i.faceValueCentimes ?? 0 })),
  };
}

type ActionResult = { intent: string; errors: FieldErrors };
const fail = (intent: string, errors: FieldErrors) => data<ActionResult>({ intent, errors }, { status: 400 });

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const db = args.context.db;
  const meta = { ip: args.context.ip };
  const caseId = args.params.caseId ?? "";
  const c = await requireCase(db, actor, caseId);
  const form = await args.request.formData();
  const intent = parseForm(CaseIntentSchema, form);
  if (!intent.ok) return fail("", { form: "errors.invalid" });
  const back = redirect(`/protection/cases/${c.id}`);
  switch (intent.data.intent) {
    case "note": {
      const p = parseForm(NoteSchema, form);
      if (!p.ok) return fail("note", p.errors);
      await addNote(db, actor, c.id, p.data.body, meta);
      return back;
    }
    case "consent": {
      const p = parseForm(ConsentSchema, form);
      if (!p.ok) return fail("consent", p.errors);
      await recordConsent(db, actor, c.id, p.data, meta);
      return back;
    }
    case "withdrawConsent":
      await withdrawConsent(db, actor, c.id, meta);
      return back;
    case "vulnerability": {
      const p = parseForm(VulnerabilitySchema, form);
      if (!p.ok) return fail("vulnerability", p.errors);
      await recordVulnerability(db, actor, c.id, p.data, meta);
      return back;
    }
    case "assign": {
      const p = parseForm(AssignSchema, form);
      if (!p.ok) return fail("assign", p.errors);
      const r = await assignCase(db, actor, c.id, p.data.assignedToId, meta);
      return r.ok ? back : fail("assign", r.errors);
    }
    case "referral": {
      const p = parseForm(ReferralSchema, form);
      if (!p.ok) return fail("referral", p.errors);
      const r = await requestReferral(db, actor, c.id, p.data, meta);
      return r.ok ? back : fail("referral", r.errors);
    }
    case "status": {
      const p = parseForm(ServiceStatusSchema, form);
      if (!p.ok) return fail("status", p.errors);
      const r = await updateServiceStatus(db, actor, c.id, p.data, meta);
      return r.ok ? back : fail("status", r.errors);
    }
    case "voucher": {
      const p = parseForm(IssueVoucherSchema, form);
      if (!p.ok) return fail("voucher", p.errors);
      const r = await issueVoucher(db, actor, c.id, p.data.itemId, meta);
      return r.ok ? back : fail("voucher", r.errors);
    }
    case "anonymise":
      await anonymiseCase(db, actor, c.id, meta);
      return back;
  }
}

/** Details whose values are codes to translate; the others are free text or dates. */
const ENUM_DETAILS = new Set(["reasonCategory", "outcome", "urgency", "sessionType", "legalType"]);

function Section({ title, children, id }: { title: MessageKey; children: React.ReactNode; id: string }) {
  const { t } = useI18n();
  return (
    <section className="case-section" aria-labelledby={`h-${id}`} id={id}>
      <h2 id={`h-${id}`}>{t(title)}</h2>
      {children}
    </section>
  );
}

export default function CaseFile() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate, formatMoney, locale } = useI18n();
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const c = d.case;
  const live = !c.anonymisedAt;
  return (
    <div data-case={c.id}>
      <PageTitle>
        {c.firstName} {c.lastName} {c.nameArabic ? <span dir="rtl">{c.nameArabic}</span> : null}
      </PageTitle>
      <p className="hint">
        <span dir="ltr">{c.reference}</span> · {t(`protection.status.${c.status}`)} · {d.organisationName}
        {c.anonymisedAt ? ` · ${t("protection.case.anonymised")}` : ""}
      </p>
      <FormAlert message={actionData?.intent === "" ? actionData.errors.form : null} />

      <Section title="protection.case.identity" id="identity">
        <dl className="facts">
          <dt>{t("protection.field.sex")}</dt>
          <dd>{t(`protection.sex.${c.sex}`)}</dd>
          <dt>{t("protection.field.age")}</dt>
          <dd>{d.age ?? "—"}</dd>
          <dt>{t("protection.field.nationality")}</dt>
          <dd>{c.nationality ?? "—"}</dd>
          <dt>{t("protection.field.languages")}</dt>
          <dd>{c.languages ?? "—"}</dd>
          <dt>{t("protection.field.phone")}</dt>
          <dd dir="ltr">{c.phone ?? "—"}</dd>
          <dt>{t("protection.field.documentNumber")}</dt>
          <dd dir="ltr">{c.documentNumber ?? "—"}</dd>
          <dt>{t("protection.field.city")}</dt>
          <dd>{c.city ?? "—"}</dd>
          <dt>{t("protection.field.householdSize")}</dt>
          <dd>{c.householdSize}</dd>
          {c.householdNotes ? (
            <>
              <dt>{t("protection.field.householdNotes")}</dt>
              <dd>{c.householdNotes}</dd>
            </>
          ) : null}
          <dt>{t("protection.field.applicantContact")}</dt>
          <dd>{t(c.applicantUserId ? "protection.case.linkedAccount" : "protection.case.noAccount")}</dd>
          <dt>{t("protection.case.assignedTo")}</dt>
          <dd>{d.staff.find((s) => s.id === c.assignedToId)?.displayName ?? "—"}</dd>
        </dl>
        {d.own && live ? (
          <Form method="post" className="filters">
            <input type="hidden" name="intent" value="assign" />
            <label>
              {t("protection.case.assign")}
              <select name="assignedToId" defaultValue={c.assignedToId ?? ""}>
                {d.staff.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.displayName}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button button-secondary">
              {t("protection.case.assign")}
            </button>
            <FieldError name="assignedToId" errors={errorsFor("assign")} />
          </Form>
        ) : null}
      </Section>

      <Section title="protection.consent.title" id="consent">
        {d.consent ? (
          <dl className="facts" data-testid="consent">
            <dt>{t("protection.consent.services")}</dt>
            <dd>{t(d.consent.services ? "protection.yes" : "protection.no")}</dd>
            <dt>{t("protection.consent.referral")}</dt>
            <dd>
              {t(d.consent.referral ? "protection.yes" : "protection.no")}
              {d.consent.referralPartners ? ` (${d.consent.referralPartners})` : ""}
            </dd>
            <dt>{t("protection.consent.reporting")}</dt>
            <dd>{t(d.consent.anonymisedReporting ? "protection.yes" : "protection.no")}</dd>
            <dt>{t("protection.consent.given")}</dt>
            <dd>
              {formatDate(d.consent.givenAt, true)} · {LOCALE_NAMES[d.consent.language]} ·{" "}
              <span dir="ltr">{d.consent.noticeVersion}</span>
            </dd>
            {d.consent.withdrawnAt ? (
              <>
                <dt>{t("protection.consent.withdrawn")}</dt>
                <dd>{formatDate(d.consent.withdrawnAt, true)}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{t("protection.consent.none")}</p>
        )}
        {d.own && live ? (
          <>
            {d.consent && !d.consent.withdrawnAt ? (
              <Form method="post">
                <input type="hidden" name="intent" value="withdrawConsent" />
                <button type="submit" className="button button-danger">
                  {t("protection.consent.withdraw")}
                </button>
              </Form>
            ) : null}
            <details>
              <summary>{t("protection.consent.record")}</summary>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="consent" />
                <label className="checkbox">
                  <input type="checkbox" name="consentServices" /> {t("protection.consent.services")}
                </label>
                <label className="checkbox">
                  <input type="checkbox" name="consentReferral" /> {t("protection.consent.referral")}
                </label>
                <Field
                  name="consentReferralPartners"
                  label="protection.consent.partners"
                  errors={errorsFor("consent")}
                />
                <label className="checkbox">
                  <input type="checkbox" name="consentReporting" /> {t("protection.consent.reporting")}
                </label>
                <div className="field">
                  <label htmlFor="f-consentLanguage">{t("protection.consent.language")}</label>
                  <select id="f-consentLanguage" name="consentLanguage" defaultValue={locale}>
                    {LOCALES.map((l) => (
                      <option key={l} value={l}>
                        {LOCALE_NAMES[l]}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button">
                  {t("protection.consent.record")}
                </button>
              </Form>
            </details>
          </>
        ) : null}
      </Section>

      <Section title="protection.vulnerability.title" id="vulnerability">
        {d.vulnerability ? (
          <div data-testid="vulnerability">
            <p className="hint">{formatDate(d.vulnerability.assessedOn)}</p>
            <ul>
              {d.vulnerability.flags.map((f) => (
                <li key={f}>{t(`protection.vulnerability.${f}`)}</li>
              ))}
            </ul>
            {d.vulnerability.notes ? <p className="message-body">{d.vulnerability.notes}</p> : null}
          </div>
        ) : (
          <p>{t("protection.vulnerability.none")}</p>
        )}
        {d.own && live ? (
          <details>
            <summary>{t("protection.vulnerability.assess")}</summary>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="vulnerability" />
              {VULNERABILITIES.map((v) => (
                <label key={v} className="checkbox">
                  <input type="checkbox" name="flags" value={v} defaultChecked={d.vulnerability?.flags.includes(v)} />{" "}
                  {t(`protection.vulnerability.${v}`)}
                </label>
              ))}
              <div className="field">
                <label htmlFor="f-vnotes">{t("protection.vulnerability.notes")}</label>
                <textarea id="f-vnotes" name="notes" rows={3} />
              </div>
              <Field
                name="assessedOn"
                label="protection.vulnerability.date"
                type="date"
                defaultValue={d.today}
                errors={errorsFor("vulnerability")}
              />
              <button type="submit" className="button">
                {t("protection.vulnerability.assess")}
              </button>
            </Form>
          </details>
        ) : null}
      </Section>

      <Section title="protection.services.title" id="services">
        {live ? (
          <p className="actions">
            {SERVICE_KINDS.map((k) => (
              <Link key={k} className="button button-secondary" to={`/protection/cases/${c.id}/services/new?kind=${k}`}>
                + {t(`protection.service.${k}`)}
              </Link>
            ))}
          </p>
        ) : null}
        <FormAlert message={errorsFor("status")?.status} />
        {d.services.length === 0 ? (
          <p>{t("protection.services.none")}</p>
        ) : (
          <ul className="list">
            {d.services.map((s) => (
              <li key={s.id} className={s.overdue ? "list-item overdue" : "list-item"} data-service={s.kind}>
                <p>
                  <strong>{t(`protection.service.${s.kind}`)}</strong> · {formatDate(s.serviceDate)} ·{" "}
                  {t(`protection.serviceStatus.${s.status}` as MessageKey)}
                  {s.overdue ? ` · ${t("protection.services.overdue")}` : ""}
                </p>
                <p className="hint">
                  {Object.entries(s.details)
                    .filter(([, v]) => v !== null && v !== "")
                    .map(
                      ([k, v]) =>
                        `${t(`protection.detail.${k}` as MessageKey)}: ${ENUM_DETAILS.has(k) ? t(`protection.value.${v}` as MessageKey) : v}`,
                    )
                    .join(" · ")}
                  {s.provider ? ` · ${s.provider}` : ""}
                  {s.costCentimes ? ` · ${formatMoney(s.costCentimes)}` : ""}
                  {s.dueDate ? ` · ${t("protection.services.due")}: ${formatDate(s.dueDate)}` : ""}
                </p>
                {s.notes ? <p className="message-body">{s.notes}</p> : null}
                {s.next.length && live ? (
                  <Form method="post" className="filters">
                    <input type="hidden" name="intent" value="status" />
                    <input type="hidden" name="serviceId" value={s.id} />
                    <label>
                      {t("protection.services.nextStatus")}
                      <select name="status">
                        {s.next.map((n) => (
                          <option key={n} value={n}>
                            {t(`protection.serviceStatus.${n}` as MessageKey)}
                          </option>
                        ))}
                      </select>
                    </label>
                    {s.kind === "hospital_referral" ? (
                      <label>
                        {t("protection.services.followUp")}
                        <input type="date" name="dueDate" />
                      </label>
                    ) : null}
                    <button type="submit" className="button button-secondary">
                      {t("protection.services.update")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="protection.notes.title" id="notes">
        {live ? (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="note" />
            <div className={errorsFor("note")?.body ? "field field-invalid" : "field"}>
              <label htmlFor="f-body">{t("protection.notes.add")}</label>
              <textarea id="f-body" name="body" rows={4} required />
              <FieldError name="body" errors={errorsFor("note")} />
            </div>
            <button type="submit" className="button">
              {t("protection.notes.save")}
            </button>
          </Form>
        ) : null}
        <ul className="list">
          {d.notes.map((n) => (
            <li key={n.id} className="list-item">
              <p className="hint">
                {formatDate(n.createdAt, true)} · {n.author}
              </p>
              <p className="message-body">{n.body}</p>
            </li>
          ))}
        </ul>
        {d.notesPages > 1 ? (
          <p className="actions">
            {d.notesPage > 1 ? <Link to={`?notes=${d.notesPage - 1}#notes`}>{t("protection.notes.newer")}</Link> : null}
            <span className="hint">{t("protection.notes.page", { page: d.notesPage, pages: d.notesPages })}</span>
            {d.notesPage < d.notesPages ? (
              <Link to={`?notes=${d.notesPage + 1}#notes`}>{t("protection.notes.older")}</Link>
            ) : null}
          </p>
        ) : null}
      </Section>

      <Section title="protection.aid.title" id="aid">
        <ul className="list">
          {d.distributions.map((g) => (
            <li key={g.id} className="list-item">
              {g.round} · {formatDate(g.createdAt)}
            </li>
          ))}
          {d.vouchers.map((v) => (
            <li key={v.id} className="list-item">
              {t("protection.aid.voucher", { value: formatMoney(v.valueCentimes) })} · {formatDate(v.issuedAt)} ·{" "}
              {v.redeemedAt ? t("protection.aid.redeemed") : t("protection.aid.notRedeemed")} ·{" "}
              {d.own ? (
                <a href={`/aid/vouchers/${v.id}.pdf`} data-testid="voucher-pdf">
                  {t("protection.aid.print")}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
        {d.own && live && d.voucherItems.length ? (
          <Form method="post" className="filters">
            <input type="hidden" name="intent" value="voucher" />
            <label>
              {t("protection.aid.issueVoucher")}
              <select name="itemId">
                {d.voucherItems.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name} ({formatMoney(i.value)})
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button button-secondary">
              {t("protection.aid.issue")}
            </button>
            <FieldError name="itemId" errors={errorsFor("voucher")} />
          </Form>
        ) : null}
      </Section>

      {d.own && live ? (
        <Section title="protection.referral.title" id="referral">
          <ul className="list">
            {d.referrals.map((r) => (
              <li key={r.id} className="list-item">
                {t(`protection.referral.kind.${r.kind}`)} → {r.toName} · {t(`protection.referral.status.${r.status}`)} ·{" "}
                {formatDate(r.createdAt)}
                {r.override ? ` · ${t("protection.referral.overridden")}` : ""}
              </li>
            ))}
          </ul>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="referral" />
            <FormAlert message={errorsFor("referral")?.form} />
            <div className="field">
              <label htmlFor="f-kind">{t("protection.referral.kindLabel")}</label>
              <select id="f-kind" name="kind">
                <option value="referral">{t("protection.referral.kind.referral")}</option>
                <option value="transfer">{t("protection.referral.kind.transfer")}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-to">{t("protection.referral.to")}</label>
              <select id="f-to" name="toOrganisationId">
                {d.partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <FieldError name="toOrganisationId" errors={errorsFor("referral")} />
            </div>
            {d.supervisor ? (
              <div className="field">
                <label htmlFor="f-overrideReason">{t("protection.referral.override")}</label>
                <p className="hint">{t("protection.referral.overrideHint")}</p>
                <textarea id="f-overrideReason" name="overrideReason" rows={2} />
                <FieldError name="overrideReason" errors={errorsFor("referral")} />
              </div>
            ) : null}
            <button type="submit" className="button">
              {t("protection.referral.send")}
            </button>
          </Form>
        </Section>
      ) : null}

      {d.supervisor ? (
        <Section title="protection.supervisor.title" id="supervisor">
          <p className="actions">
            <a className="button button-secondary" href={`/protection/cases/${c.id}/export.json`}>
              {t("protection.supervisor.exportJson")}
            </a>
            <a className="button button-secondary" href={`/protection/cases/${c.id}/export.pdf`}>
              {t("protection.supervisor.exportPdf")}
            </a>
          </p>
          {live ? (
            <Form method="post">
              <input type="hidden" name="intent" value="anonymise" />
              <button type="submit" className="button button-danger">
                {t("protection.supervisor.anonymise")}
              </button>
            </Form>
          ) : null}
          <h3>{t("protection.supervisor.viewers")}</h3>
          <ul className="list" data-testid="viewers">
            {d.viewers.map((v, i) => (
              <li key={i} className="list-item">
                {formatDate(v.at, true)} · {v.name ?? "—"} ·{" "}
                {t(
                  v.action === "protection.case.export"
                    ? "protection.supervisor.exported"
                    : "protection.supervisor.viewed",
                )}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
