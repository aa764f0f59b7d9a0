/**
 * Demo data for trainings, internships and coaching: a catalogue (with an
 * entrepreneurship orientation), a finished cohort whose participants hold
 * certificates, an open cohort, two host organisations with offers, and
 * coach@masar.test's caseload with placements, one of them overdue for follow-up, and a
 * follow-up appointment with applicant@masar.test.
 * Idempotent: if the catalogue is there, the records are looked up, not created.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../client";
import {
  coachAssignments,
  coachingActions,
  coachingAppointments,
  guidanceSessions,
  hostDetails,
  internshipOffers,
  jobSearchLogs,
  organisations,
  placementContacts,
  placementEvaluations,
  placementOutcomes,
  placements,
  trainingCertificates,
  trainingCohorts,
  trainings,
  trainingSessions,
  type User,
} from "../schema";
import type { FoundationSeed } from "./foundation";
import { makeOrganisation } from "../../tests/factories";
import { markAttendance, register } from "../../app/modules/trainings/service.server";
import { reminderDueAt } from "../../app/modules/coaching/rules";
import { at, isoDay } from "./days";

const ENTREPRENEURSHIP = "Orientation à l'entrepreneuriat";
const SOFT_SKILLS = "Compétences comportementales pour l'emploi";
const TADAMON_PLACE = {
  placeFr: "Association Tadamon, Rabat",
  placeAr: "جمعية التضامن، الرباط",
  placeEn: "Tadamon Association, Rabat",
};

export type EmployabilitySeed = Awaited<ReturnType<typeof seedEmployability>>;

export async function seedEmployability(db: Database, foundation: FoundationSeed) {
  const { accounts, applicants, orgs } = foundation;
  const coach = accounts.coach;
  const admin = { id: accounts.admin.id, role: "admin" as const, organisationId: accounts.admin.organisationId };
  const meta = { ip: "seed" };

  // ---- coach assignments: the coach follows the two demo applicants and four more
  const caseload: User[] = [accounts.applicant, accounts.applicantPhone, ...applicants.slice(0, 4)];
  for (const b of caseload) {
    const [current] = await db
      .select({ id: coachAssignments.id })
      .from(coachAssignments)
      .where(and(eq(coachAssignments.beneficiaryId, b.id), isNull(coachAssignments.endedAt)));
    if (!current)
      await db
        .insert(coachAssignments)
        .values({ coachId: coach.id, beneficiaryId: b.id, assignedById: accounts.admin.id });
  }

  // the demo applicant's profile (shown on the CV) is seeded by the profiles module

  const [existing] = await db.select().from(trainings).where(eq(trainings.titleFr, ENTREPRENEURSHIP));
  if (!existing) await createAll(db, foundation, caseload, admin, meta);

  const [entrepreneurship] = await db.select().from(trainings).where(eq(trainings.titleFr, ENTREPRENEURSHIP));
  const [softSkills] = await db.select().from(trainings).where(eq(trainings.titleFr, SOFT_SKILLS));
  if (!entrepreneurship || !softSkills) throw new Error("employability seed: trainings missing");
  const [openCohort] = await db
    .select()
    .from(trainingCohorts)
    .where(eq(trainingCohorts.trainingId, entrepreneurship.id));
  const [doneCohort] = await db.select().from(trainingCohorts).where(eq(trainingCohorts.trainingId, softSkills.id));
  if (!openCohort || !doneCohort) throw new Error("employability seed: cohorts missing");
  const [session] = await db
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.cohortId, doneCohort.id))
    .limit(1);
  const [certificate] = await db
    .select()
    .from(trainingCertificates)
    .where(
      and(eq(trainingCertificates.userId, accounts.applicant.id), eq(trainingCertificates.cohortId, doneCohort.id)),
    );
  const [offer] = await db.select().from(internshipOffers).where(eq(internshipOffers.hostId, orgs.host.id)).limit(1);
  const [overdue] = await db
    .select()
    .from(placements)
    .where(eq(placements.beneficiaryId, accounts.applicant.id))
    .limit(1);
  const [openSession] = await db
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.cohortId, openCohort.id))
    .orderBy(trainingSessions.startsAt)
    .limit(1);
  const appointment = await demoAppointment(db, coach.id, accounts.applicant.id);
  if (!session || !openSession || !certificate || !offer || !overdue)
    throw new Error("employability seed: records missing");
  return {
    trainingId: entrepreneurship.id,
    completedTrainingId: softSkills.id,
    cohortId: doneCohort.id,
    openCohortId: openCohort.id,
    sessionId: session.id,
    openSessionId: openSession.id,
    appointmentId: appointment.id,
    certificateId: certificate.id,
    certificateCode: certificate.code,
    offerId: offer.id,
    hostId: offer.hostId,
    placementId: overdue.id,
    beneficiaryId: accounts.applicant.id,
  };
}

/** The coach's next follow-up appointment with the demo applicant (set in ten days if there is none to come). */
async function demoAppointment(db: Database, coachId: string, beneficiaryId: string) {
  const [upcoming] = await db
    .select({ id: coachingAppointments.id })
    .from(coachingAppointments)
    .where(
      and(
        eq(coachingAppointments.coachId, coachId),
        eq(coachingAppointments.beneficiaryId, beneficiaryId),
        isNull(coachingAppointments.cancelledAt),
        gt(coachingAppointments.startsAt, new Date()),
      ),
    )
    .limit(1);
  if (upcoming) return upcoming;
  const startsAt = at(10, 10);
  const [row] = await db
    .insert(coachingAppointments)
    .values({ coachId, beneficiaryId, startsAt, remindAt: reminderDueAt(startsAt) })
    .returning({ id: coachingAppointments.id });
  if (!row) throw new Error("appointment not created");
  return row;
}

async function createAll(
  db: Database,
  foundation: FoundationSeed,
  caseload: User[],
  admin: { id: string; role: "admin"; organisationId: string | null },
  meta: { ip: string },
) {
  const { accounts, applicants, orgs } = foundation;
  const coach = accounts.coach;
  const asApplicant = (u: User) => ({ id: u.id, role: "applicant" as const, organisationId: u.organisationId });

  // ---- catalogue
  const [entrepreneurship] = await db
    .insert(trainings)
    .values({
      category: "entrepreneurship_orientation",
      titleFr: ENTREPRENEURSHIP,
      titleAr: "التوجيه نحو المقاولة",
      titleEn: "Entrepreneurship orientation",
      descriptionFr: "Passer d'une idée à un projet : marché, clients, coûts, et le statut d'auto-entrepreneur.",
      descriptionAr: "من الفكرة إلى المشروع: السوق والزبناء والتكاليف ونظام المقاول الذاتي.",
      descriptionEn: "From an idea to a project: market, customers, costs, and the auto-entrepreneur status.",
      audience: "both",
      deliveryLanguages: ["fr", "ary"],
      minAttendancePercent: 75,
    })
    .returning();
  const [softSkills] = await db
    .insert(trainings)
    .values({
      category: "soft_skills",
      titleFr: SOFT_SKILLS,
      titleAr: "المهارات السلوكية من أجل الشغل",
      titleEn: "Soft skills for work",
      descriptionFr: "Se présenter, travailler en équipe, gérer son temps, réussir un entretien.",
      descriptionAr: "تقديم النفس والعمل الجماعي وتدبير الوقت والنجاح في المقابلة.",
      descriptionEn: "Presenting yourself, teamwork, time management, job interviews.",
      audience: "both",
      deliveryLanguages: ["fr"],
      minAttendancePercent: 80,
    })
    .returning();
  await db.insert(trainings).values([
    {
      category: "language_culture",
      titleFr: "Darija et culture marocaine",
      titleAr: "الدارجة والثقافة المغربية",
      titleEn: "Darija and Moroccan culture",
      descriptionFr: "La darija du quotidien et du travail, et les codes culturels utiles.",
      descriptionAr: "الدارجة في الحياة اليومية والعمل، والعادات الثقافية المفيدة.",
      descriptionEn: "Everyday and workplace Darija, and useful cultural codes.",
      audience: "migrants",
      deliveryLanguages: ["ary", "fr"],
      minAttendancePercent: 70,
    },
    {
      category: "digital_skills",
      titleFr: "Compétences numériques de base",
      titleAr: "المهارات الرقمية الأساسية",
      titleEn: "Basic digital skills",
      descriptionFr: "Téléphone, e-mail, CV en ligne et démarches en ligne.",
      descriptionAr: "الهاتف والبريد الإلكتروني والسيرة الذاتية والخدمات عبر الإنترنت.",
      descriptionEn: "Phone, e-mail, online CV and online procedures.",
      audience: "both",
      deliveryLanguages: ["fr", "ar"],
      minAttendancePercent: 80,
    },
  ]);
  if (!entrepreneurship || !softSkills) throw new Error("trainings not created");

  // ---- an open cohort of the entrepreneurship orientation, starting next week
  const [openCohort] = await db
    .insert(trainingCohorts)
    .values({
      trainingId: entrepreneurship.id,
      nameFr: "Rabat — décembre",
      nameAr: "الرباط — دجنبر",
      nameEn: "Rabat — December",
      capacity: 12,
      startsOn: isoDay(7),
      endsOn: isoDay(21),
    })
    .returning();
  if (!openCohort) throw new Error("cohort not created");
  for (const day of [7, 14, 21]) {
    await db.insert(trainingSessions).values({
      cohortId: openCohort.id,
      startsAt: at(day),
      ...TADAMON_PLACE,
      trainerId: coach.id,
      trainerName: coach.displayName,
    });
  }
  for (const u of [accounts.applicantPhone, ...applicants.slice(4, 7)])
    await register(db, asApplicant(u), openCohort.id, meta);

  // ---- a finished cohort of soft skills: attendance marked, certificates issued by the rule
  const [doneCohort] = await db
    .insert(trainingCohorts)
    .values({
      trainingId: softSkills.id,
      nameFr: "Rabat — octobre",
      nameAr: "الرباط — أكتوبر",
      nameEn: "Rabat — October",
      capacity: 15,
      startsOn: isoDay(-60),
      endsOn: isoDay(-46),
    })
    .returning();
  if (!doneCohort) throw new Error("cohort not created");
  const sessions = [];
  for (const day of [-60, -53, -46]) {
    const [s] = await db
      .insert(trainingSessions)
      .values({
        cohortId: doneCohort.id,
        startsAt: at(day),
        ...TADAMON_PLACE,
        trainerId: coach.id,
        trainerName: coach.displayName,
      })
      .returning();
    if (s) sessions.push(s);
  }
  const participants = [accounts.applicant, applicants[0], applicants[1], applicants[2]].filter((u): u is User =>
    Boolean(u),
  );
  for (const u of participants) await register(db, asApplicant(u), doneCohort.id, meta);
  for (const [i, s] of sessions.entries()) {
    const marks = new Map(
      participants.map((u, j) => [u.id, j === 2 && i > 0 ? ("absent" as const) : ("present" as const)]),
    );
    await markAttendance(db, admin, s.id, marks, meta);
  }

  // ---- hosts and offers
  await db
    .insert(hostDetails)
    .values({
      organisationId: orgs.host.id,
      sector: "food_processing",
      contactName: "Latifa Ait Ouahmane",
      contactPhone: "+212528000111",
      agreementStatus: "signed",
    })
    .onConflictDoNothing();
  const [foundHost2] = await db.select().from(organisations).where(eq(organisations.name, "Atlas Digital SARL"));
  const host2 =
    foundHost2 ??
    (await makeOrganisation(db, { name: "Atlas Digital SARL", kind: "host_company", city: "casablanca" }));
  await db
    .insert(hostDetails)
    .values({
      organisationId: host2.id,
      sector: "digital",
      contactName: "Reda Bennani",
      contactEmail: "rh@atlas-digital.test",
      agreementStatus: "pending",
    })
    .onConflictDoNothing();
  const [offer] = await db
    .insert(internshipOffers)
    .values({
      hostId: orgs.host.id,
      titleFr: "Assistant·e de production (huile d'argan)",
      titleAr: "مساعد·ة في الإنتاج (زيت الأركان)",
      titleEn: "Production assistant (argan oil)",
      sector: "food_processing",
      city: "agadir",
      startsOn: isoDay(-40),
      durationWeeks: 12,
      stipendCentimes: 150000,
      seats: 3,
      requirementsFr: "Motivation, respect des règles d'hygiène.",
      requirementsAr: "الحماس واحترام قواعد النظافة.",
      requirementsEn: "Motivation, following hygiene rules.",
      languages: ["ary", "fr"],
    })
    .returning();
  await db.insert(internshipOffers).values({
    hostId: host2.id,
    titleFr: "Support informatique junior",
    titleAr: "دعم معلوماتي مبتدئ",
    titleEn: "Junior IT support",
    sector: "digital",
    city: "casablanca",
    startsOn: isoDay(20),
    durationWeeks: 8,
    stipendCentimes: 0,
    seats: 2,
    requirementsFr: "Bases en informatique.",
    requirementsAr: "أساسيات المعلوميات.",
    requirementsEn: "Basic computer skills.",
    languages: ["fr", "en"],
  });
  if (!offer) throw new Error("offer not created");

  // ---- placements: one overdue (last contact 20 days ago), one followed, one completed
  const [overdue] = await db
    .insert(placements)
    .values({
      beneficiaryId: accounts.applicant.id,
      hostId: orgs.host.id,
      offerId: offer.id,
      coachId: coach.id,
      tutorName: "Latifa Ait Ouahmane",
      tutorContact: "+212528000111",
      startsOn: isoDay(-40),
      endsOn: isoDay(44),
      stipendCentimes: 150000,
      status: "ongoing",
    })
    .returning();
  if (!overdue) throw new Error("placement not created");
  await db.insert(placementContacts).values([
    {
      placementId: overdue.id,
      kind: "visit",
      contactedOn: isoDay(-38),
      notes: "Accueil et présentation de l'équipe.",
      loggedById: coach.id,
    },
    {
      placementId: overdue.id,
      kind: "call",
      contactedOn: isoDay(-20),
      notes: "Tout va bien, horaires respectés.",
      loggedById: coach.id,
    },
  ]);
  await db.insert(placementEvaluations).values({
    placementId: overdue.id,
    stage: "mid_term",
    punctuality: 4,
    teamwork: 3,
    communication: 3,
    technicalSkills: 2,
    autonomy: 3,
    comments: "Sérieuse et appliquée ; doit gagner en assurance sur les machines.",
    enteredById: coach.id,
  });
  const b2 = applicants[0];
  const b3 = applicants[1];
  if (b2) {
    const [followed] = await db
      .insert(placements)
      .values({
        beneficiaryId: b2.id,
        hostId: host2.id,
        coachId: coach.id,
        tutorName: "Reda Bennani",
        startsOn: isoDay(-10),
        endsOn: isoDay(50),
        status: "ongoing",
      })
      .returning();
    if (followed)
      await db.insert(placementContacts).values({
        placementId: followed.id,
        kind: "visit",
        contactedOn: isoDay(-3),
        notes: "Bonne intégration.",
        loggedById: coach.id,
      });
  }
  if (b3) {
    const [done] = await db
      .insert(placements)
      .values({
        beneficiaryId: b3.id,
        hostId: orgs.host.id,
        coachId: coach.id,
        tutorName: "Latifa Ait Ouahmane",
        startsOn: isoDay(-200),
        endsOn: isoDay(-110),
        stipendCentimes: 120000,
        status: "completed",
      })
      .returning();
    if (done) {
      await db.insert(placementEvaluations).values({
        placementId: done.id,
        stage: "final",
        punctuality: 4,
        teamwork: 4,
        communication: 3,
        technicalSkills: 3,
        autonomy: 4,
        comments: "Très bon stage.",
        enteredById: coach.id,
      });
      await db.insert(placementOutcomes).values([
        {
          placementId: done.id,
          checkpoint: "end",
          employmentStatus: "seeking",
          recordedOn: isoDay(-110),
          recordedById: coach.id,
        },
        {
          placementId: done.id,
          checkpoint: "month_3",
          employmentStatus: "hired_by_host",
          recordedOn: isoDay(-18),
          recordedById: coach.id,
        },
      ]);
    }
  }

  // ---- guidance, next steps and job search
  for (const b of caseload.slice(0, 3)) {
    const [g] = await db
      .insert(guidanceSessions)
      .values({
        beneficiaryId: b.id,
        coachId: coach.id,
        heldOn: isoDay(-30),
        goals: "Trouver un emploi stable dans la production ou la vente.",
        obstacles: "Transport, darija écrite.",
      })
      .returning();
    await db.insert(coachingActions).values({
      beneficiaryId: b.id,
      coachId: coach.id,
      guidanceSessionId: g?.id ?? null,
      description:
        b.id === accounts.applicant.id ? "Préparer l'évaluation finale avec la tutrice" : "Mettre à jour le CV",
      dueOn: b.id === accounts.applicant.id ? isoDay(5) : isoDay(-2),
    });
  }
  if (b3)
    await db.insert(jobSearchLogs).values({
      beneficiaryId: b3.id,
      coachId: coach.id,
      loggedOn: isoDay(-100),
      cvsSent: 6,
      interviews: 2,
      contacts: 4,
      notes: "Relances auprès de deux coopératives.",
    });
}
