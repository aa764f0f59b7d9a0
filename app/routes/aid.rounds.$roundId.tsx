import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms";
import { balancesOf, getRound, roundDistributions } from "~/modules/aid/queries.server";
import { DistributeSchema } from "~/modules/aid/schemas";
import { recordDistribution } from "~/modules/aid/service.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { listCases } from "~/modules/protection/queries.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const db = args.context.db;
  const found = await getRound(db, actor, args.params.roundId ?? "");
  if (!found) throw new Response("Not Found", { status: 404 });
  const q = new URL(args.request.url).searchParams.get("q")?.slice(0, 80) ?? "";
  const [given, cases, stock] = await Promise.all([roundDistributions(db, found.round.id), listCases(db, actor, { q }), balancesOf(db, [found.round.warehouseId])]);
  const received = new Set(given.map((g) => g.caseId));
  return {
    q,
    round: { id: found.round.id, name: found.round.name, startsOn: found.round.startsOn, endsOn: found.round.endsOn, perHousehold: found.round.perHousehold, eligibility: found.round.eligibilityVulnerability },
    items: found.items,
    stock: stock.filter((s) => found.items.some((i) => i.itemId === s.itemId)),
    given: given.map((g) => ({ ...g, createdAt: g.createdAt.toISOString() })),
    candidates: cases
      .filter((c) => c.organisationId === actor.organisationId && c.status === "open" && !received.has(c.id))
      .map((c) => ({ id: c.id, reference: c.reference, name: `${c.firstName} ${c.lastName}` })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const parsed = parseForm(DistributeSchema, await args.request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const result = await recordDistribution(args.context.db, actor, args.params.roundId ?? "", parsed.data.caseId, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors }, { status: result.errors.caseId === "aid.errors.alreadyReceived" ? 409 : 400 });
  return redirect(`/aid/rounds/${args.params.roundId}`);
}

export default function Round() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate, formatNumber } = useI18n();
  return (
    <div>
      <PageTitle>{d.round.name}</PageTitle>
      <p className="hint">
        {formatDate(d.round.startsOn)} – {formatDate(d.round.endsOn)} · {d.items.map((i) => `${i.name} × ${i.quantity}`).join(", ")}
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
      <FormAlert message={actionData?.errors.caseId ?? actionData?.errors.form} />
      <Form method="get" className="filters">
        <label>
          {t("protection.cases.search")}
          <input name="q" defaultValue={d.q} />
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
