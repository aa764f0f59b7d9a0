/**
 * Demo business plans: a half-written plan for applicant@masar.test (a tailoring
 * workshop, steps 1-3 done and the market study begun) that a newcomer can finish,
 * and complete plans for three other applicants so grant calls have something to
 * review. The demo coach follows applicant@masar.test. Idempotent.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { businessPlans, coachAssignments, profiles, type BusinessPlan } from "../schema";
import { completePlanContent, makePlan } from "../../tests/factories/business-plans";
import type { FoundationSeed } from "./foundation";

const HALF_PLAN_NAME = "Atelier de couture Diallo";

const COMPLETE_PLANS = [
  { name: "Boulangerie Al Amal", city: "rabat" },
  { name: "Épicerie solidaire Oujda", city: "oujda" },
  { name: "Réparation de téléphones Casa", city: "casablanca" },
] as const;

async function planNamed(db: Database, ownerId: string, name: string): Promise<BusinessPlan | null> {
  const [row] = await db
    .select()
    .from(businessPlans)
    .where(and(eq(businessPlans.ownerId, ownerId), sql`${businessPlans.summary}->>'projectName' = ${name}`));
  return row ?? null;
}

export async function seedBusinessPlans(db: Database, foundation: FoundationSeed) {
  const applicant = foundation.accounts.applicant;
  const halfPlan =
    (await planNamed(db, applicant.id, HALF_PLAN_NAME)) ??
    (await makePlan(db, applicant.id, {
      summary: {
        projectName: HALF_PLAN_NAME,
        sector: "textile",
        city: "rabat",
        pitch: "Retouches et confection de vêtements sur mesure pour le quartier de Yacoub El Mansour.",
      },
      promoters: {
        experience: "Huit ans de couture à Conakry, dont trois à la tête d'un petit atelier.",
        skills: "Coupe, couture à la machine, broderie, accueil des clients.",
      },
      product: {
        description: "Retouches rapides, tenues de fête sur mesure, uniformes scolaires.",
        difference: "Retouches en 24 heures et modèles d'Afrique de l'Ouest et du Maroc.",
      },
      market: { customers: "Familles du quartier, écoles privées voisines." },
    }));

  const completePlans: BusinessPlan[] = [];
  for (const [index, spec] of COMPLETE_PLANS.entries()) {
    const owner = foundation.applicants[index];
    if (!owner) continue;
    completePlans.push(
      (await planNamed(db, owner.id, spec.name)) ??
        (await makePlan(db, owner.id, completePlanContent(spec.name, spec.city))),
    );
  }

  const coach = foundation.accounts.coach;
  const [current] = await db
    .select()
    .from(coachAssignments)
    .where(and(eq(coachAssignments.beneficiaryId, applicant.id), isNull(coachAssignments.endedAt)));
  if (!current) {
    await db
      .insert(coachAssignments)
      .values({ coachId: coach.id, beneficiaryId: applicant.id, assignedById: foundation.accounts.admin.id });
  }
  // a profile with the personal section and past work filled in (the CV shows them),
  // education and skills left for the newcomer
  await db
    .insert(profiles)
    .values({
      userId: applicant.id,
      givenName: "Aminata",
      familyName: "Diallo",
      sex: "female",
      birthDate: "1994-03-12",
      nationality: "GN",
      languagesSpoken: ["fr", "ff", "ary"],
      languagesRead: ["fr"],
      city: "rabat",
      region: "rabat_sale_kenitra",
      residentStatus: "migrant",
      heardFrom: "association",
      experience: [{ role: "Vendeuse", sector: "Commerce", years: 2, country: "GN" }],
      seeks: ["business"],
    })
    .onConflictDoNothing();
  return { halfPlan, completePlans };
}
