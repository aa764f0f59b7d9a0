/**
 * Business plans for tests and the demo seed: a complete plan whose funding
 * balances its costs, and a way to store one for an owner.
 */
import type { Executor } from "../../db/client";
import { businessPlans, type BusinessPlan, type NewBusinessPlan } from "../../db/schema";
import type { Code } from "../../app/i18n/codes";

type Content = Omit<NewBusinessPlan, "id" | "ownerId" | "createdAt" | "updatedAt">;

const month = (revenue: number, cost: number, fixed: number) => ({
  revenueCentimes: revenue * 100,
  costOfSalesCentimes: cost * 100,
  fixedCostsCentimes: fixed * 100,
});

/** A profile's personal section as its form posts it: Moussa Traoré, a Malian migrant in Casablanca. */
export const PERSONAL_SECTION = {
  givenName: "Moussa",
  familyName: "Traoré",
  sex: "male",
  birthDate: "1996-05-01",
  nationality: "ML",
  languagesSpoken: ["fr", "bm"],
  city: "casablanca",
  region: "casablanca_settat",
  residentStatus: "migrant",
};

/** A bakery in Rabat: 42 500 MAD of start-up costs, 30 000 MAD of grant requested. */
export function completePlanContent(name = "Boulangerie Al Amal", city: Code<"city"> = "rabat"): Required<Content> {
  return {
    summary: {
      projectName: name,
      sector: "food_processing",
      city,
      pitch: "Pain et msemen frais chaque matin pour le quartier, livrés aux épiceries voisines.",
    },
    promoters: {
      experience: "Six ans de boulangerie à Dakar puis deux ans dans une boulangerie de Rabat.",
      skills: "Pétrissage, cuisson au four à bois, gestion de caisse.",
      team: "Une apprentie à mi-temps.",
    },
    product: {
      description: "Pain, msemen et harcha cuits sur place.",
      difference: "Ouvert dès 6 h, prix du quartier, livraison gratuite aux épiceries.",
    },
    market: {
      customers: "Familles du quartier et cinq épiceries.",
      marketSize: "Environ 3 000 foyers dans un rayon de 1 km.",
      marketSizeFigure: "3000 foyers",
      competitors: [
        { name: "Boulangerie du coin", priceCentimes: 150 },
        { name: "Supermarché", priceCentimes: 130 },
      ],
      priceCentimes: 140,
      salesPlaces: "Boutique et épiceries partenaires.",
    },
    marketing: { strategy: "Dégustations gratuites la première semaine.", channels: "Boutique, épiceries, WhatsApp." },
    operations: {
      premises: "Local de 25 m² loué 1 500 MAD par mois.",
      equipment: "Four, pétrin, plan de travail.",
      suppliers: "Minoterie de Salé.",
      staff: "La porteuse et une apprentie.",
    },
    legal: { form: "auto_entrepreneur", reason: "Simple pour commencer." },
    financial: {
      startupCosts: [
        { item: "Four", quantity: 1, unitPriceCentimes: 2_500_000 },
        { item: "Pétrin", quantity: 1, unitPriceCentimes: 1_200_000 },
        { item: "Plateaux", quantity: 20, unitPriceCentimes: 15_000 },
        { item: "Premier stock de farine", quantity: 10, unitPriceCentimes: 25_000 },
      ],
      funding: [
        { kind: "own", label: "Économies", amountCentimes: 1_250_000 },
        { kind: "grant", label: "Masar", amountCentimes: 3_000_000 },
      ],
      months: [
        month(6000, 3000, 3500),
        month(8000, 4000, 3500),
        month(10000, 5000, 3500),
        ...Array.from({ length: 9 }, () => month(12000, 6000, 3500)),
      ],
      years: [
        { revenueCentimes: 16_000_000, costsCentimes: 11_500_000 },
        { revenueCentimes: 18_000_000, costsCentimes: 12_500_000 },
      ],
    },
    risks: {
      risks: "Hausse du prix de la farine; panne du four.",
      mitigation: "Contrat avec la minoterie; épargne de réparation.",
    },
  };
}

export async function makePlan(
  db: Executor,
  ownerId: string,
  content: Partial<Content> = completePlanContent(),
): Promise<BusinessPlan> {
  const [row] = await db
    .insert(businessPlans)
    .values({ ownerId, ...content })
    .returning();
  if (!row) throw new Error("plan not created");
  return row;
}
