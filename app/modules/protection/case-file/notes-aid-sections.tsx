import { Form } from "@remix-run/react";
import { FieldError, SelectField } from "~/components/form";
import { useLocalizedLabel } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { CaseFileData } from "./data.server";
import { Pager, Section, useIntentResult } from "./section";

export function NotesSection({ d }: { d: CaseFileData }) {
  const { t, formatDate } = useI18n();
  const { errors, values } = useIntentResult("note");
  return (
    <Section title="protection.notes.title" id="notes">
      {d.sections.notes ? null : <p className="hint">{t("protection.partner.ownOnly")}</p>}
      {!d.case.anonymisedAt && d.reach !== "pending" ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="note" />
          <div className={errors?.body ? "field field-invalid" : "field"}>
            <label htmlFor="f-body">{t("protection.notes.add")}</label>
            <textarea
              id="f-body"
              name="body"
              rows={4}
              required
              defaultValue={values?.body}
              aria-invalid={errors?.body ? true : undefined}
              aria-describedby={errors?.body ? "f-body-error" : undefined}
            />
            <FieldError name="body" errors={errors} />
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
            <p className="message-body" dir="auto">
              {n.body}
            </p>
          </li>
        ))}
      </ul>
      <Pager
        caseId={d.case.id}
        pages={d.pages}
        list="notes"
        count={d.pageCounts.notes}
        before="protection.notes.newer"
        after="protection.notes.older"
      />
    </Section>
  );
}

export function AidSection({ d }: { d: CaseFileData }) {
  const { t, formatDate, formatMoney } = useI18n();
  const label = useLocalizedLabel();
  const { errors } = useIntentResult("voucher");
  return (
    <Section title="protection.aid.title" id="aid">
      <ul className="list">
        {d.distributions.map((g) => (
          <li key={g.id} className="list-item">
            <bdi>{g.round}</bdi> · {formatDate(g.createdAt)}
            {g.correctedAt ? ` · ${t("aid.correct.corrected")}` : ""}
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
      <Pager
        caseId={d.case.id}
        pages={d.pages}
        list="aid"
        count={d.pageCounts.aid}
        before="protection.aid.newer"
        after="protection.aid.older"
      />
      {d.own && !d.case.anonymisedAt && d.voucherItems.length ? (
        <Form method="post" className="filters">
          <input type="hidden" name="intent" value="voucher" />
          <SelectField
            inline
            name="itemId"
            label="protection.aid.issueVoucher"
            errors={errors}
            options={d.voucherItems.map((i) => ({
              value: i.id,
              label: `${label(i, "name")} (${formatMoney(i.value)})`,
            }))}
          />
          <button type="submit" className="button button-secondary">
            {t("protection.aid.issue")}
          </button>
        </Form>
      ) : null}
    </Section>
  );
}
