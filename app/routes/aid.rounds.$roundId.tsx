import { PlacelessRefusal } from "~/components/done-note";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors } from "~/lib/forms";
import { runIntent } from "~/lib/intents.server";
import { parseForm } from "~/lib/forms.server";
import { balancesOf, getRound, listItems, roundDistributions } from "~/modules/aid/queries.server";
import {
  CorrectDistributionSchema,
  CorrectRoundSchema,
  DistributeSchema,
  RemoveRoundItemSchema,
  RoundItemSchema,
} from "~/modules/aid/schemas.server";
import { addRoundItem, recordDistribution } from "~/modules/aid/service.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { listCases } from "~/modules/protection/queries.server";
import { getCaseForActor } from "~/modules/protection/reach.server";
import { idParam, parseQuery, query } from "~/lib/params.server";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { handOutPreview } from "~/modules/aid/hand-out-step.server";
import { HandOutStep } from "~/modules/aid/hand-out-step";
import { AddRoundItemForm, Candidates, CorrectRoundForm, GivenList, RoundFacts } from "~/modules/aid/round-sections";
import { correctRound, removeRoundItem } from "~/modules/aid/rounds.server";
import { correctDistribution, correctionPreview, getDistributionForActor } from "~/modules/aid/corrections.server";
import { CorrectionStep } from "~/modules/aid/correction-step";
import { RemoveItemStep } from "~/modules/aid/round-sections";
import { correctionRefusal } from "~/modules/aid/rules";
import { isUuid } from "~/lib/ids";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const db = args.context.db;
  const found = await getRound(db, actor, idParam(args, "roundId"));
  if (!found) throw new Response("Not Found", { status: 404 });
  const { q = "", done } = parseQuery(args, { q: query.text(80), done: query.oneOf(["corrected", "unchanged"]) });
  const [given, cases, stock, catalogue] = await Promise.all([
    roundDistributions(db, found.round.id),
    listCases(db, actor, { q }),
    balancesOf(db, [found.round.warehouseId]),
    listItems(db),
  ]);
  // a corrected hand-out does not count: the person may receive the right one
  const received = new Set(given.filter((g) => !g.correctedAt).map((g) => g.caseId));
  const asked = confirmStep(args, ["distribute", "correct", "removeItem"]);
  const { caseId, distributionId, itemId } = parseQuery(args, {
    caseId: query.id(),
    distributionId: query.id(),
    itemId: query.id(),
  });
  const handOut =
    asked === "distribute" && caseId
      ? await handOutPreview(db, actor, found.round, found.items, caseId, received)
      : null;
  const correction =
    asked === "correct" && distributionId ? await correctionPreview(db, actor, found.round.id, distributionId) : null;
  // an item leaves the kit only before the first hand-out, and the kit keeps one
  const removing =
    asked === "removeItem" && given.length === 0 && found.items.length > 1
      ? (found.items.find((i) => i.itemId === itemId) ?? null)
      : null;
  const now = new Date();
  return {
    q,
    notice: done ?? null,
    handOut,
    correction,
    removing,
    round: {
      id: found.round.id,
      name: found.round.name,
      startsOn: found.round.startsOn,
      endsOn: found.round.endsOn,
      perHousehold: found.round.perHousehold,
      eligibility: found.round.eligibilityVulnerability,
    },
    items: found.items,
    catalogue: catalogue
      .filter((i) => i.kind !== "voucher")
      .map((i) => ({ id: i.id, nameFr: i.nameFr, nameAr: i.nameAr, nameEn: i.nameEn })),
    stock: stock.filter((s) => found.items.some((i) => i.itemId === s.itemId)),
    given: given.map((g) => ({
      ...g,
      createdAt: g.createdAt.toISOString(),
      correctedAt: g.correctedAt?.toISOString() ?? null,
      correctable: correctionRefusal(g, now) === null,
    })),
    candidates: cases
      .filter((c) => c.organisationId === actor.organisationId && c.status === "open" && !received.has(c.id))
      .map((c) => ({ id: c.id, reference: c.reference, name: `${c.firstName} ${c.lastName}` })),
  };
}

async function handleItem(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "aid:use");
  const roundId = idParam(args, "roundId");
  const parsed = parseForm(RoundItemSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors }, { status: 400 });
  const { itemId, quantity } = parsed.data;
  const result = await addRoundItem(args.context.db, actor, roundId, itemId, quantity, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors as FieldErrors }, { status: 400 });
  return redirect(`/aid/rounds/${roundId}`);
}

/** The round's facts corrected before its first hand-out; the page says what happened. */
async function handleCorrectRound(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "aid:use");
  const roundId = idParam(args, "roundId");
  const parsed = parseForm(CorrectRoundSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, values: parsed.values }, { status: 400 });
  const result = await correctRound(args.context.db, actor, roundId, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors as FieldErrors }, { status: result.status });
  return redirect(`/aid/rounds/${roundId}?done=${result.fields.length ? "corrected" : "unchanged"}`);
}

async function handleRemoveItem(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "aid:use");
  const roundId = idParam(args, "roundId");
  const parsed = parseForm(RemoveRoundItemSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors }, { status: 400 });
  const found = await getRound(args.context.db, actor, roundId);
  if (!found) throw new Response("Not Found", { status: 404 });
  // an item of the kit is removed only from its confirmation step
  if (found.items.some((i) => i.itemId === parsed.data.itemId)) {
    const step = unlessConfirmed(args.request, form, "removeItem", ["itemId"]);
    if (step) return step;
  }
  const result = await removeRoundItem(args.context.db, actor, roundId, parsed.data.itemId, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors as FieldErrors }, { status: result.status });
  return redirect(`/aid/rounds/${roundId}?done=corrected`);
}

async function handleDistribute(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "aid:use");
  const roundId = idParam(args, "roundId");
  const parsed = parseForm(DistributeSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors }, { status: 400 });
  // a round or a case the actor may not see: 404, not the step
  const db = args.context.db;
  if (!(await getRound(db, actor, roundId)) || !(await getCaseForActor(db, actor, parsed.data.caseId)))
    throw new Response("Not Found", { status: 404 });
  // the items and quantities are shown before anything leaves the stock
  const step = unlessConfirmed(args.request, form, "distribute", ["caseId"]);
  if (step) return step;
  const result = await recordDistribution(args.context.db, actor, roundId, parsed.data.caseId, { ip: args.context.ip });
  if (!result.ok)
    return data(
      { errors: result.errors as FieldErrors },
      { status: result.errors.caseId === "aid.errors.alreadyReceived" ? 409 : 400 },
    );
  return redirect(`/aid/rounds/${roundId}`);
}

/** Correct a hand-out made by mistake today: only one of this round, and only from its step. */
async function handleCorrect(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "aid:use");
  const roundId = idParam(args, "roundId");
  const db = args.context.db;
  const id = form.get("distributionId");
  // who may see the hand-out is checked before the step: another association gets a 404
  const found = typeof id === "string" && isUuid(id) ? await getDistributionForActor(db, actor, id) : null;
  if (!found || found.roundId !== roundId) throw new Response("Not Found", { status: 404 });
  const step = unlessConfirmed(args.request, form, "correct", ["distributionId"]);
  if (step) return step;
  const parsed = parseForm(CorrectDistributionSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, values: parsed.values }, { status: 400 });
  const result = await correctDistribution(db, actor, found, parsed.data.reason, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors as FieldErrors }, { status: result.status });
  return redirect(`/aid/rounds/${roundId}#given`);
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(
    args,
    {
      item: handleItem,
      correct: handleCorrect,
      correctRound: handleCorrectRound,
      removeItem: handleRemoveItem,
      distribute: handleDistribute,
    },
    handleDistribute,
    (a) => requirePermission(a, "aid:use"),
  );
}

export default function Round() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  if (d.handOut) return <HandOutStep p={d.handOut} roundId={d.round.id} roundName={d.round.name} />;
  if (d.correction) return <CorrectionStep p={d.correction} roundId={d.round.id} errors={errors} values={values} />;
  if (d.removing) return <RemoveItemStep item={d.removing} roundId={d.round.id} roundName={d.round.name} />;
  return (
    <div>
      <PageTitle>{d.round.name}</PageTitle>
      <PlacelessRefusal />
      <RoundFacts round={d.round} items={d.items} stock={d.stock} />
      <p>
        <a href={`/aid/rounds/${d.round.id}/sheet.pdf`} download data-testid="round-sheet-pdf">
          {t("sheets.print")}
        </a>
      </p>
      {d.notice ? <FormAlert tone="success" message={`aid.rounds.${d.notice}`} /> : null}
      <FormAlert message={errors?.caseId ?? errors?.itemId ?? errors?.reason ?? errors?.form} />
      {d.given.length === 0 ? (
        <>
          <CorrectRoundForm round={d.round} items={d.items} errors={errors} values={values} />
          <AddRoundItemForm catalogue={d.catalogue} errors={errors} />
        </>
      ) : null}
      <Candidates q={d.q} candidates={d.candidates} />
      <GivenList roundId={d.round.id} given={d.given} />
    </div>
  );
}
