/**
 * Demo complaints and feedback: ordinary ones at every stage (one answered and closed,
 * one assigned to a case worker, one overdue), a suggestion, thanks, and two
 * confidential reports that only focal@masar.test reads. Idempotent: each is found by
 * its reference. K7QM-3XPA shows an answer on the public follow page.
 */
import { inArray } from "drizzle-orm";
import type { Database } from "../client";
import { feedbackItems, type FeedbackItem, type NewFeedbackItem } from "../schema";
import { dueAt } from "../../app/modules/feedback/rules";
import { at } from "./days";
import type { FoundationSeed } from "./foundation";

type Key = "answered" | "assigned" | "overdue" | "suggestion" | "thanks" | "psea" | "misconduct";
type Spec = Omit<NewFeedbackItem, "dueAt" | "confidential"> & { key: Key; receivedAt: Date };

function specs(f: FoundationSeed): Spec[] {
  const admin = f.accounts.admin.id;
  const focal = f.accounts.focal.id;
  return [
    {
      key: "answered",
      reference: "K7QM3XPA",
      category: "complaint",
      locale: "fr",
      message:
        "Je me suis inscrite à la formation couture de Rabat mais je n'ai jamais reçu la date de la première séance.",
      receivedAt: at(-20, 10),
      status: "closed",
      answer:
        "Bonjour, votre inscription était bien enregistrée mais le SMS n'était pas parti. La prochaine séance est lundi à 9 h, au centre de l'Association Tadamon. Toutes nos excuses.",
      answeredAt: at(-16, 15),
      answeredById: admin,
      closedAt: at(-16, 15),
      closedById: admin,
    },
    {
      key: "assigned",
      reference: "H4RT8WNB",
      category: "complaint",
      locale: "ar",
      message: "انتظرت ثلاث ساعات في الجمعية ولم يستقبلني أحد، ثم قيل لي أن أعود غدًا.",
      contactPhone: "+212600000007",
      receivedAt: at(-3, 11),
      status: "in_progress",
      assignedToId: f.accounts.caseworker.id,
      assignedAt: at(-2, 9),
    },
    {
      key: "overdue",
      reference: "PZ5CK2MF",
      category: "complaint",
      locale: "fr",
      message: "Le bon alimentaire de décembre n'a pas été accepté à l'épicerie indiquée.",
      contactName: "Moussa",
      receivedAt: at(-18, 16),
      status: "received",
    },
    {
      key: "suggestion",
      reference: "S6YB9QJD",
      category: "suggestion",
      locale: "en",
      message: "Could the training sessions also be held on Saturday mornings? Many of us work during the week.",
      receivedAt: at(-2, 18),
      status: "received",
    },
    {
      key: "thanks",
      reference: "T3WX7GHE",
      category: "thanks",
      locale: "ar",
      message: "شكرًا للمدربة على صبرها، تعلمت الكثير في التكوين.",
      receivedAt: at(-9, 12),
      status: "closed",
      answer: "شكرًا لكم على رسالتكم، سننقلها إلى المدربة.",
      answeredAt: at(-8, 10),
      answeredById: admin,
      closedAt: at(-8, 10),
      closedById: admin,
    },
    {
      key: "psea",
      reference: "Q8MZ4RAK",
      category: "sexual_exploitation_abuse",
      locale: "fr",
      message:
        "Un homme qui distribue les kits a dit à ma voisine qu'elle aurait un kit de plus si elle venait le voir seule le soir.",
      contactName: "Awa (voisine)",
      contactPhone: "+212600000099",
      receivedAt: at(-1, 20),
      status: "received",
    },
    {
      key: "misconduct",
      reference: "W2NJ6PCT",
      category: "staff_misconduct",
      locale: "ar",
      message: "طلب مني موظف مبلغ 200 درهم لتسجيل اسمي في لائحة المستفيدين.",
      receivedAt: at(-6, 9),
      status: "in_progress",
      answer: "توصلنا برسالتكم ونحقق في الأمر بسرية. لا تدفعوا أي مبلغ: كل خدمات البرنامج مجانية.",
      answeredAt: at(-5, 14),
      answeredById: focal,
    },
  ];
}

export type FeedbackSeed = Record<Key, FeedbackItem>;

export async function seedFeedback(db: Database, foundation: FoundationSeed): Promise<FeedbackSeed> {
  const all = specs(foundation);
  const rows = all.map(({ key: _key, ...spec }) => ({
    ...spec,
    confidential: spec.category === "sexual_exploitation_abuse" || spec.category === "staff_misconduct",
    dueAt: dueAt(spec.receivedAt),
    updatedAt: spec.receivedAt,
  }));
  await db.insert(feedbackItems).values(rows).onConflictDoNothing({ target: feedbackItems.reference });
  const found = await db
    .select()
    .from(feedbackItems)
    .where(
      inArray(
        feedbackItems.reference,
        all.map((s) => s.reference),
      ),
    );
  const seed = {} as FeedbackSeed;
  for (const spec of all) {
    const item = found.find((r) => r.reference === spec.reference);
    if (!item) throw new Error(`demo feedback ${spec.reference} missing`);
    seed[spec.key] = item;
  }
  return seed;
}
