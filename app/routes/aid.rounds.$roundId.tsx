import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormAlert, PageTitle } from "~/components/form";
import type { FieldErrors } from "~/lib/forms";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { balancesOf, getRound, listItems, roundDistributions } from "~/modules/aid/queries.server";
import { DistributeSchema, RoundItemSchema } from "~/modules/aid/schemas.server";
import { addRoundItem, recordDistribution } from "~/modules/aid/service.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { listCases } from "~/modules/protection/queries.server";
import { idParam, parseQuery, query } from "~/lib/params.server";
import { localized, withLocalized } from "~/lib/localized";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { handOutPreview } from "~/modules/aid/hand-out-step.server";
import { HandOutStep } from "~/modules/aid/hand-out-step";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const db = args.context.db;
  const found = await getRound(db, actor, idParam(args, "roundId"));
  if (!found) throw new Response("Not Found", { status: 404 });
  const q = parseQuery(args, { q: query.text(80) }).q ?? "";
  const [given, cases, stock, catalogue] = await Promise.all([
    roundDistributions(db, found.round.id),
    listCases(db, actor, { q }),
    balancesOf(db, [found.round.warehouseId]),
    listItems(db),
  ]);
  const received = new Set(given.map((g) => g.caseId));
  const locale = args.context.locale;
  const asked = confirmStep(args, ["distribute"]);
  const { caseId } = parseQuery(args, { caseId: query.id() });
  const handOut =
    asked === "distribute" && caseId
      ? await handOutPreview(db, actor, found.round, withLocalized(found.items, "name", locale), caseId, received)
      : null;
  return {
    q,
    handOut,
    round: {
      id: found.round.id,
      name: found.round.name,
      startsOn: found.round.startsOn,
      endsOn: found.round.endsOn,
      perHousehold: found.round.perHousehold,
      eligibility: found.round.eligibilityVulnerability,
    },
    items: withLocalized(found.items, "name", locale),
    catalogue: catalogue
      .filter((i) => i.kind !== "voucher")
      .map((i) => ({ id: i.id, name: localized(i, "name", locale) })),
    stock: withLocalized(
      stock.filter((s) => found.items.some((i) => i.itemId === s.itemId)),
      "name",
      locale,
    ),
    given: given.map((g) => ({ ...g, createdAt: g.createdAt.toISOString() })),
    candidates: cases
      .filter((c) => c.organisationId === actor.organisationId && c.status === "open" && !received.has(c.id))
      .map((c) => ({ id: c.id, reference: c.reference, name: `${c.firstName} ${c.lastName}` })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const form = await args.request.formData();
  const meta = { ip: args.context.ip };
  const roundId = idParam(args, "roundId");
  if (form.get("intent") === "item") {
    const parsed = parseForm(RoundItemSchema, form);
    if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors }, { status: 400 });
    const result = await addRoundItem(args.context.db, actor, roundId, parsed.data.itemId, parsed.data.quantity, meta);
    if (!result.ok) return data({ errors: result.errors as FieldErrors }, { status: 400 });
    return redirect(`/aid/rounds/${roundId}`);
  }
  const parsed = parseForm(DistributeSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors }, { status: 400 });
  // the items and quantities are shown before anything leaves the stock
  const step = unlessConfirmed(args.request, form, "distribute", ["caseId"]);
  if (step) return step;
  const result = await recordDistribution(args.context.db, actor, roundId, parsed.data.caseId, meta);
  if (!result.ok)
    return data(
      { errors: result.errors as FieldErrors },
      { status: result.errors.caseId === "aid.errors.alreadyReceived" ? 409 : 400 },
    );
  return redirect(`/aid/rounds/${roundId}`);
}

export default function Round() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate, formatNumber } = useI18n();
  if (d.handOut) return <HandOutStep p={d.handOut} roundId={d.round.id} roundName={d.round.name} />;
  return (
    <div>
      <PageTitle>{d.round.name}</PageTitle>
      <p className="hint">
        {formatDate(d.round.startsOn)} – {formatDate(d.round.endsOn)} ·{" "}
        {d.items.map((i) => `${i.name} × ${i.quantity}`).join(", ")}
        {d.round.perHousehold ? ` · ${t("aid.rounds.perHousehold")}` : ""}
        {d.round.eligibility ? ` · ${t(`protection.vulnerability.${d.round.eligibility as "other"}`)}` : ""}
      </p>
      <p>
        {d.stock.map((s) => (
          <span key={s.itemId} className="badge">
            {s.name}: {formatNumber(s.quantity)}
          </span>
        ))}
      </p>
      <FormAlert message={actionData?.errors.caseId ?? actionData?.errors.itemId ?? actionData?.errors.form} />
      {d.given.length === 0 ? (
        <details>
          <summary>{t("aid.rounds.addItem")}</summary>
          <Form method="post" className="filters">
            <input type="hidden" name="intent" value="item" />
            <label>
              {t("aid.item")}
              <select name="itemId">
                {d.catalogue.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
              </select>
            </label>
            <Field
              name="quantity"
              label="aid.quantity"
              type="number"
              min={1}
              defaultValue="1"
              errors={actionData?.errors}
            />
            <button type="submit" className="button button-secondary">
              {t("aid.rounds.addItem")}
            </button>
          </Form>
        </details>
      ) : null}
      <Form method="get" className="filters">
        <label>
          {t("protection.cases.search")}
          <input name="q" defaultValue={d.q} maxLength={80} />
        </label>
        <button type="submit" className="button button-secondary">
          {t("protection.cases.filter")}
        </button>
      </Form>
      <h2>{t("aid.rounds.toHandOut")}</h2>
      <ul className="list">
        {d.candidates.map((c) => (
          <li key={c.id} className="list-item">
            <Form method="post" className="filters">
              <input type="hidden" name="caseId" value={c.id} />
              <span>
                {c.name} · <span dir="ltr">{c.reference}</span>
              </span>
              <button type="submit" className="button">
                {t("aid.rounds.handOut")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <h2>{t("aid.rounds.given")}</h2>
      <ul className="list">
        {d.given.map((g) => (
          <li key={g.id} className="list-item">
            <Link to={`/protection/cases/${g.caseId}`} dir="ltr">
              {g.reference}
            </Link>{" "}
            · {formatDate(g.createdAt, true)} · {g.handedBy}
          </li>
        ))}
      </ul>
    </div>
  );
}
