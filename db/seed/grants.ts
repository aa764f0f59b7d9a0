/**
 * Demo grants: an open call taking applications, and a call under review with
 * applications, assignments and scores (some submitted, some still drafts), so a
 * newcomer can walk a call from review to the first tranche paid. Idempotent: each
 * call is found by its French title before anything is created.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { grantApplications, grantAssignments, grantCalls, grantCriteria, grantScores, type GrantCall } from "../schema";
import { makeApplication, makeCall, DEMO_PLAN } from "../../tests/factories/grants";
import type { FoundationSeed } from "./foundation";
import { refreshReviewTotals } from "../../app/modules/grants/service.server";

const DAY = 24 * 3600 * 1000;
const OPEN_TITLE = "Appel 2026 : activités génératrices de revenus";
const REVIEW_TITLE = "Appel pilote 2026 : premiers projets";

const PROJECTS = [
  {
    projectName: "Atelier de couture solidaire",
    sector: "textile",
    pitch: "Uniformes scolaires cousus dans le quartier.",
    requested: 25_000_00,
    woman: true,
    migrant: true,
  },
  {
    projectName: "Épicerie de quartier Al Baraka",
    sector: "trade",
    pitch: "Produits frais et de base, ouverte tard.",
    requested: 30_000_00,
    woman: false,
    migrant: true,
  },
  {
    projectName: "Coiffure mobile",
    sector: "services",
    pitch: "Coiffure à domicile pour les femmes âgées.",
    requested: 15_000_00,
    woman: true,
    migrant: true,
  },
  {
    projectName: "Réparation de téléphones",
    sector: "digital",
    pitch: "Réparation et pièces détachées, garantie trois mois.",
    requested: 20_000_00,
    woman: false,
    migrant: true,
  },
  {
    projectName: "Traiteur africain",
    sector: "food_processing",
    pitch: "Plats cuisinés livrés aux bureaux.",
    requested: 28_000_00,
    woman: true,
    migrant: true,
  },
  {
    projectName: "Menuiserie Atlas",
    sector: "crafts",
    pitch: "Meubles sur mesure en bois local.",
    requested: 30_000_00,
    woman: false,
    migrant: false,
  },
  {
    projectName: "Pâtisserie Nour",
    sector: "food_processing",
    pitch: "Gâteaux marocains pour les fêtes.",
    requested: 18_000_00,
    woman: true,
    migrant: false,
  },
];

async function findCall(db: Database, titleFr: string): Promise<GrantCall | null> {
  const [row] = await db.select().from(grantCalls).where(eq(grantCalls.titleFr, titleFr));
  return row ?? null;
}

export async function seedGrants(db: Database, foundation: FoundationSeed) {
  const now = Date.now();
  const admin = foundation.accounts.admin;
  const openCall =
    (await findCall(db, OPEN_TITLE)) ??
    (await makeCall(db, {
      titleFr: OPEN_TITLE,
      titleAr: "طلب 2026: أنشطة مدرة للدخل",
      titleEn: "2026 call: income-generating activities",
      descriptionFr: "Subventions de démarrage pour les projets des personnes migrantes et des jeunes Marocains.",
      descriptionAr: "منح انطلاق لمشاريع المهاجرين والشباب المغاربة.",
      descriptionEn: "Start-up grants for projects of migrants and young Moroccans.",
      minAge: 18,
      maxAge: 40,
      opensAt: new Date(now - 5 * DAY),
      closesAt: new Date(now + 25 * DAY),
      reviewDeadline: new Date(now + 45 * DAY),
      budgetCentimes: 300_000_00,
      maxGrantCentimes: 30_000_00,
      quotas: [
        { trait: "woman", basis: "awards", minPercent: 50 },
        { trait: "migrant", basis: "budget", minPercent: 40 },
      ],
      status: "open",
      createdById: admin.id,
    }));

  let reviewCall = await findCall(db, REVIEW_TITLE);
  if (!reviewCall) {
    reviewCall = await makeCall(db, {
      titleFr: REVIEW_TITLE,
      titleAr: "الطلب التجريبي 2026: المشاريع الأولى",
      titleEn: "2026 pilot call: first projects",
      descriptionFr: "Premier appel du programme, en cours d'évaluation par le comité.",
      descriptionAr: "أول طلب للبرنامج، قيد التقييم من طرف اللجنة.",
      descriptionEn: "The programme's first call, being reviewed by the committee.",
      opensAt: new Date(now - 40 * DAY),
      closesAt: new Date(now - 10 * DAY),
      reviewDeadline: new Date(now + 20 * DAY),
      budgetCentimes: 100_000_00,
      maxGrantCentimes: 30_000_00,
      reviewersPerApplication: 2,
      quotas: [{ trait: "woman", basis: "awards", minPercent: 50 }],
      status: "under_review",
      createdById: admin.id,
    });
  }
  const criteria = await makeCallCriteria(db, reviewCall.id);
  const applicants = [foundation.accounts.applicant, ...foundation.applicants.slice(0, PROJECTS.length - 1)];
  const reviewers = [foundation.accounts.committee, foundation.accounts.committee2];
  let committeeAssignmentId: string | null = null;
  let applicantApplicationId: string | null = null;
  for (const [i, project] of PROJECTS.entries()) {
    const applicant = applicants[i];
    if (!applicant) break;
    const [existing] = await db
      .select()
      .from(grantApplications)
      .where(and(eq(grantApplications.callId, reviewCall.id), eq(grantApplications.applicantId, applicant.id)));
    const app =
      existing ??
      (await makeApplication(db, {
        callId: reviewCall.id,
        applicantId: applicant.id,
        planSnapshot: {
          ...DEMO_PLAN,
          summary: {
            ...DEMO_PLAN.summary,
            projectName: project.projectName,
            sector: project.sector,
            pitch: project.pitch,
          },
        },
        requestedCentimes: project.requested,
        isWoman: project.woman,
        isMigrant: project.migrant,
        facts: { sex: project.woman ? "female" : "male", isMigrant: project.migrant },
        status: "eligible",
        submittedAt: new Date(now - (35 - i) * DAY),
      }));
    if (applicant.id === foundation.accounts.applicant.id) applicantApplicationId = app.id;
    for (const [r, reviewer] of reviewers.entries()) {
      const [found] = await db
        .select()
        .from(grantAssignments)
        .where(and(eq(grantAssignments.applicationId, app.id), eq(grantAssignments.reviewerId, reviewer.id)));
      // the last application is left unscored by the demo committee member, to score in the browser
      const leaveOpen = r === 0 && i === PROJECTS.length - 1;
      const assignment =
        found ??
        (
          await db
            .insert(grantAssignments)
            .values({
              applicationId: app.id,
              reviewerId: reviewer.id,
              submittedAt: leaveOpen ? null : new Date(now - 2 * DAY),
            })
            .returning()
        )[0]!;
      if (reviewer.id === foundation.accounts.committee.id && !committeeAssignmentId)
        committeeAssignmentId = assignment.id;
      if (found || leaveOpen) continue;
      await db.insert(grantScores).values(
        criteria.map((c, k) => ({
          assignmentId: assignment.id,
          criterionId: c.id,
          // a fixed spread of scores: reviewer 2 is harsher, and disagrees on project 4
          score: Math.max(
            0,
            Math.min(
              c.maxScore,
              Math.round(c.maxScore * (0.85 - i * 0.08 - r * 0.1 + (i === 3 && r === 1 ? -0.4 : 0) + (k % 2) * 0.05)),
            ),
          ),
          comment: "",
        })),
      );
      await refreshReviewTotals(db, [assignment.id]);
    }
  }
  return {
    openCall,
    reviewCall,
    committeeAssignmentId: committeeAssignmentId ?? "",
    applicantApplicationId: applicantApplicationId ?? "",
  };
}

async function makeCallCriteria(db: Database, callId: string) {
  return db.select().from(grantCriteria).where(eq(grantCriteria.callId, callId)).orderBy(grantCriteria.position);
}
