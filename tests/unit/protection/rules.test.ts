import { describe, expect, it } from "vitest";
import { arabicWritesLatin } from "../../../app/modules/protection/names-across-scripts";
import {
  nameQueryWords,
  nameSearchWords,
  splitServiceFields,
  caseSmsBlocker,
  birthsAgree,
  dayMonthSwapped,
  birthYearOf,
  duplicateReasons,
  foldName,
  isReferralOverdue,
  namesClose,
  nextStatuses,
  normalisePhone,
  serviceInProgress,
  SERVICES_IN_PROGRESS,
  ALL_SECTIONS,
  partnerView,
  personAsStored,
  referralAllowed,
  referralConsentLive,
  referralTargets,
  shelterNights,
} from "../../../app/modules/protection/rules";
import { staleCorrectionFlags } from "../../../app/modules/protection/correction-rules";
import { DUPLICATE_PAIRS, personKey } from "../../fixtures/duplicate-pairs";

describe("foldName", () => {
  it("folds case, accents, vowels, doubled letters and common transliterations together", () => {
    expect(foldName("Mohamed")).toBe(foldName("MUHAMMAD"));
    expect(foldName("محمد")).toBe(foldName("Mohammed"));
    expect(foldName("Aïcha")).toBe(foldName("aicha"));
    expect(foldName("يوسف")).toBe(foldName("Youssef"));
    expect(foldName("Khadija")).toBe(foldName("خديجة"));
  });
  it("ignores word order", () => {
    expect(foldName("Bah Fatoumata")).toBe(foldName("Fatoumata Bah"));
  });
  it("keeps different names apart", () => {
    expect(foldName("Aminata")).not.toBe(foldName("Mariam"));
    // same skeleton, but two Latin spellings keep their vowels apart
    expect(foldName("Hassan")).toBe(foldName("Hussein"));
    expect(namesClose("Hassan", "Hussein")).toBe(false);
    expect(namesClose("Youssef", "Yusuf")).toBe(true);
    expect(namesClose("Hussein", "حسين")).toBe(true);
  });
  it("reads Mamadou and Mouhamadou as Muhammad when two names are compared, but not in a name's stored skeleton", () => {
    expect(namesClose("Mamadou Camara", "Mouhamadou Kamara")).toBe(true);
    expect(namesClose("Mamadou Camara", "Mohamed Camara")).toBe(true);
    expect(namesClose("MAMADOU Sow", "Muhammadu Sow")).toBe(true);
    // Amadou and Ahmadou are Ahmad, not Muhammad; Fatoumata, Aminata, Slimane, Boubacar likewise
    expect(namesClose("Amadou Diallo", "Ahmed Diallo")).toBe(true);
    expect(namesClose("Ahmadou", "أحمد")).toBe(true);
    expect(namesClose("Amadou", "Mamadou")).toBe(false);
    expect(namesClose("Amadou", "Mohamed")).toBe(false);
    expect(namesClose("Fatoumata", "فاطمة")).toBe(true);
    expect(namesClose("Aminata", "Amina")).toBe(true);
    expect(namesClose("Slimane", "Souleymane")).toBe(true);
    expect(namesClose("Boubacar", "أبو بكر")).toBe(true);
    expect(namesClose("Boubacar", "Aboubakr")).toBe(true);
    expect(namesClose("Fatoumata", "Fatou")).toBe(false);
    expect(namesClose("Amadou", "Adama")).toBe(false);
    expect(namesClose("Mamadou Camara", "Mariam Camara")).toBe(false);
    // search keys stay as stored: a case filed as Mamadou is still found by "Mamadou"
    expect(foldName("Mamadou")).not.toBe(foldName("Mohamed"));
  });
});

describe("duplicateReasons", () => {
  it("matches a phone written nationally and internationally", () => {
    expect(normalisePhone("06 12 34 56 78")).toBe("+212612345678");
    expect(
      duplicateReasons(
        { firstName: "A", lastName: "B", phone: "0612345678" },
        { firstName: "C", lastName: "D", phone: "+212 612 345 678" },
      ),
    ).toEqual(["phone"]);
  });
  it("needs the same birth date for a name match", () => {
    const a = { firstName: "Mohamed", lastName: "Diallo", dateOfBirth: "1990-01-01" };
    expect(duplicateReasons(a, { ...a, dateOfBirth: "1990-01-02" })).toEqual([]);
    expect(duplicateReasons(a, { firstName: "Muhammad", lastName: "Dialo", dateOfBirth: "1990-01-01" })).toEqual([
      "name_dob",
    ]);
  });
  it("matches a birth date whose day and month were swapped, as such, and no other date", () => {
    const a = { firstName: "Moussa", lastName: "Keita", dateOfBirth: "1995-03-04" };
    expect(dayMonthSwapped("1995-03-04")).toBe("1995-04-03");
    expect(dayMonthSwapped("1995-03-03")).toBeNull();
    expect(dayMonthSwapped("1995-03-25")).toBeNull();
    expect(duplicateReasons(a, { ...a, dateOfBirth: "1995-04-03" })).toEqual(["name_dob_swapped"]);
    expect(duplicateReasons(a, { ...a, dateOfBirth: "1996-04-03" })).toEqual([]);
    expect(duplicateReasons(a, { ...a, firstName: "Aminata", dateOfBirth: "1995-04-03" })).toEqual([]);
  });
  it("never flags the different people of the fixture", () => {
    const falsePositives = DUPLICATE_PAIRS.filter(
      (p) => !p.same && duplicateReasons(personKey(p.a, 2026), personKey(p.b, 2026)).length > 0,
    ).map((p) => p.note);
    expect(falsePositives).toEqual([]);
  });
  it("matches an estimated age within two years of the other birth, by name", () => {
    const estimated = { firstName: "Ibrahima", lastName: "Sow", estimatedAge: 30, ageGivenIn: 2026 };
    expect(birthYearOf(estimated)).toEqual({ year: 1996, estimated: true });
    expect(birthYearOf({ firstName: "A", lastName: "B", estimatedAge: 30 })).toBeNull();
    for (const dateOfBirth of ["1994-01-01", "1996-06-30", "1998-12-31"])
      expect(duplicateReasons(estimated, { firstName: "Ibrahim", lastName: "Sow", dateOfBirth })).toEqual(["name_age"]);
    expect(duplicateReasons(estimated, { firstName: "Ibrahim", lastName: "Sow", dateOfBirth: "1993-12-31" })).toEqual(
      [],
    );
    expect(duplicateReasons(estimated, { ...estimated, estimatedAge: 28, ageGivenIn: 2024 })).toEqual(["name_age"]);
    expect(duplicateReasons(estimated, { ...estimated, estimatedAge: 33 })).toEqual([]);
    // close years are no match without a close name
    expect(
      duplicateReasons(estimated, { firstName: "Moussa", lastName: "Keita", estimatedAge: 30, ageGivenIn: 2026 }),
    ).toEqual([]);
  });
  it("never widens two dates of birth: they agree exactly or not at all", () => {
    const a = { firstName: "Awa", lastName: "Diop", dateOfBirth: "1995-01-01" };
    expect(birthsAgree(a, { ...a, dateOfBirth: "1995-01-02" })).toBeNull();
    expect(birthsAgree(a, { ...a })).toBe("exact");
    // a date of birth wins over an estimate stored beside it
    expect(birthsAgree(a, { ...a, dateOfBirth: "1996-01-01", estimatedAge: 29, ageGivenIn: 2025 })).toBeNull();
  });
});

describe("searching encrypted names", () => {
  const stored = nameSearchWords(["Fatima Zahra Benali", "فاطمة الزهراء بن علي"]);
  const finds = (q: string) => {
    const { all, compact } = nameQueryWords(q);
    return (all.length > 0 && all.every((w) => stored.includes(w))) || (compact !== null && stored.includes(compact));
  };
  it("finds a case by any whole word of its names, however spelt", () => {
    for (const q of ["Fatima", "fatma", "Zahra Fatima", "BENALI", "Ben Ali", "فاطمة"]) expect(finds(q), q).toBe(true);
  });
  it("does not find it by a word it does not have", () => {
    for (const q of ["Aminata", "Fatima Diallo", "---"]) expect(finds(q), q).toBe(false);
  });
});

describe("a service's free text", () => {
  it("is set apart from the fields the reports read", () => {
    expect(
      splitServiceFields({
        provider: "Dr Alami",
        facility: "CHU Ibn Sina",
        specialty: "Cardiologie",
        urgency: "urgent",
        place: undefined,
        countryOfReturn: "",
      }),
    ).toEqual({
      open: { urgency: "urgent" },
      secret: { provider: "Dr Alami", facility: "CHU Ibn Sina", specialty: "Cardiologie" },
    });
  });
});

describe("referralAllowed", () => {
  const consent = { services: true, referral: true, withdrawnAt: null, partners: ["org-b", "org-c"] };
  it("allows towards a partner the current consent to referral names", () => {
    expect(referralAllowed(consent, "org-b", null)).toBe("consent");
    expect(referralAllowed(consent, "org-c", null)).toBe("consent");
  });
  it("refuses a partner the consent does not name", () => {
    expect(referralAllowed(consent, "org-d", null)).toBe("partnerNotNamed");
    expect(referralAllowed({ ...consent, partners: [] }, "org-b", null)).toBe("partnerNotNamed");
  });
  it("refuses without consent, or once it is withdrawn, whatever it named", () => {
    expect(referralAllowed({ ...consent, referral: false }, "org-b", null)).toBe("noConsent");
    expect(referralAllowed({ ...consent, withdrawnAt: new Date() }, "org-b", null)).toBe("noConsent");
    expect(referralAllowed(null, "org-b", null)).toBe("noConsent");
  });
  it("accepts a supervisor override only with a real reason, towards any partner", () => {
    const reason = "Danger immédiat, hébergement nécessaire";
    expect(referralAllowed(null, "org-b", { bySupervisor: true, reason })).toBe("override");
    expect(referralAllowed(consent, "org-d", { bySupervisor: true, reason })).toBe("override");
    expect(referralAllowed(null, "org-b", { bySupervisor: true, reason: "ok" })).toBe("noConsent");
    expect(referralAllowed(consent, "org-d", { bySupervisor: false, reason })).toBe("partnerNotNamed");
  });
});

describe("referralTargets", () => {
  const partners = [
    { id: "org-b", name: "B" },
    { id: "org-c", name: "C" },
    { id: "org-d", name: "D" },
  ];
  const consent = { referral: true, withdrawnAt: null, partners: [{ id: "org-b" }, { id: "org-c" }] };
  it("offers the partners the live consent to referral names", () => {
    expect(referralConsentLive(consent)).toBe(true);
    expect(referralTargets(consent, partners, false)).toEqual([
      { id: "org-b", name: "B", named: true },
      { id: "org-c", name: "C", named: true },
    ]);
  });
  it("offers none without a live consent, unless to a supervisor, who may override towards any", () => {
    const withdrawn = { ...consent, withdrawnAt: "2026-12-01T00:00:00.000Z" };
    expect(referralConsentLive(withdrawn)).toBe(false);
    expect(referralConsentLive(null)).toBe(false);
    expect(referralTargets(withdrawn, partners, false)).toEqual([]);
    expect(referralTargets({ ...consent, referral: false }, partners, false)).toEqual([]);
    expect(referralTargets(null, partners, true).map((p) => p.named)).toEqual([false, false, false]);
    expect(referralTargets(consent, partners, true).map((p) => [p.id, p.named])).toEqual([
      ["org-b", true],
      ["org-c", true],
      ["org-d", false],
    ]);
  });
});

describe("partnerView", () => {
  const none = { identity: false, services: false, notes: false, vulnerability: false };
  it("gives the owner every section", () => {
    expect(partnerView(true, [])).toEqual({ reach: "own", sections: ALL_SECTIONS });
  });
  it("gives a receiving association nothing without a live request", () => {
    expect(partnerView(false, [])).toBeNull();
  });
  it("reads only the ticked sections while pending, and writes once one request is accepted", () => {
    expect(partnerView(false, [{ ...none, identity: true, accepted: false }])).toEqual({
      reach: "pending",
      sections: { ...none, identity: true },
    });
    const both = partnerView(false, [
      { ...none, identity: true, accepted: false },
      { ...none, notes: true, accepted: true },
    ]);
    expect(both).toEqual({ reach: "accepted", sections: { ...none, identity: true, notes: true } });
  });
});

describe("status machines", () => {
  it("moves a hospital referral requested → appointment → attended → closed, or not attended", () => {
    expect(nextStatuses("hospital_referral", "requested")).toContain("appointment_set");
    expect(nextStatuses("hospital_referral", "appointment_set")).toEqual(["attended", "not_attended"]);
    expect(nextStatuses("hospital_referral", "attended")).toEqual(["closed"]);
    expect(nextStatuses("hospital_referral", "closed")).toEqual([]);
  });
  it("lets AVRR be withdrawn at any stage before departure, not after", () => {
    for (const stage of ["request", "counselling", "travel_documents", "fit_to_travel"])
      expect(nextStatuses("avrr", stage)).toContain("withdrawn");
    for (const stage of ["departure", "arrival", "reintegration_plan"])
      expect(nextStatuses("avrr", stage)).not.toContain("withdrawn");
    expect(nextStatuses("avrr", "fit_to_travel")).toEqual(["departure", "withdrawn"]);
    expect(nextStatuses("avrr", "departure")).toEqual(["arrival"]);
    expect(nextStatuses("avrr", "withdrawn")).toEqual([]);
  });
});

describe("services in progress", () => {
  it("is in progress while a next status exists, finished once none does", () => {
    expect(serviceInProgress("hospital_referral", "requested")).toBe(true);
    // attended still waits for its closing
    expect(serviceInProgress("hospital_referral", "attended")).toBe(true);
    expect(serviceInProgress("hospital_referral", "closed")).toBe(false);
    expect(serviceInProgress("avrr", "reintegration_plan")).toBe(true);
    expect(serviceInProgress("avrr", "monitoring")).toBe(false);
    expect(serviceInProgress("avrr", "withdrawn")).toBe(false);
    expect(serviceInProgress("legal", "in_progress")).toBe(true);
    expect(serviceInProgress("medical", "planned")).toBe(true);
    expect(serviceInProgress("medical", "done")).toBe(false);
    expect(serviceInProgress("shelter", "cancelled")).toBe(false);
    // a status its kind does not know has no next one
    expect(serviceInProgress("medical", "requested")).toBe(false);
  });
  it("lists every pair in progress, and only those", () => {
    const finished = [
      "hospital_referral:closed",
      "avrr:monitoring",
      "avrr:withdrawn",
      "legal:closed",
      ...["medical", "mental_health", "shelter"].flatMap((k) => [`${k}:done`, `${k}:cancelled`]),
    ];
    const listed = SERVICES_IN_PROGRESS.map(([k, s]) => `${k}:${s}`);
    expect(listed).toContain("hospital_referral:requested");
    expect(listed).toContain("hospital_referral:not_attended");
    expect(listed).toContain("avrr:arrival");
    expect(listed).toContain("shelter:planned");
    for (const pair of finished) expect(listed).not.toContain(pair);
    for (const [k, s] of SERVICES_IN_PROGRESS) expect(nextStatuses(k, s).length).toBeGreaterThan(0);
    // 4 hospital, 7 AVRR, 2 legal, planned for the three simple kinds
    expect(listed).toHaveLength(4 + 7 + 2 + 3);
  });
});

describe("shelter nights and overdue referrals", () => {
  it("counts nights between check-in and check-out", () => {
    expect(shelterNights("2026-11-01", "2026-11-15")).toBe(14);
    expect(shelterNights("2026-11-01", null)).toBe(0);
    expect(shelterNights("2026-11-10", "2026-11-01")).toBe(0);
  });
  it("marks a referral overdue past its follow-up date, or after 14 days without one", () => {
    const base = { kind: "hospital_referral", status: "requested", serviceDate: "2026-11-01", dueDate: null };
    expect(isReferralOverdue(base, "2026-11-10")).toBe(false);
    expect(isReferralOverdue(base, "2026-11-20")).toBe(true);
    expect(isReferralOverdue({ ...base, dueDate: "2026-11-05" }, "2026-11-06")).toBe(true);
    expect(isReferralOverdue({ ...base, status: "closed" }, "2026-12-30")).toBe(false);
  });
});

describe("an SMS from a case file", () => {
  const consent = { contactBySms: true, withdrawnAt: null };
  it("goes with a phone and a live consent to SMS", () => {
    expect(caseSmsBlocker({ anonymised: false, phone: "+212612345678", consent })).toBeNull();
  });
  it("never from an anonymised case, without a phone, or without that consent", () => {
    expect(caseSmsBlocker({ anonymised: true, phone: "+212612345678", consent })).toBe("anonymised");
    expect(caseSmsBlocker({ anonymised: false, phone: null, consent })).toBe("noPhone");
    expect(caseSmsBlocker({ anonymised: false, phone: "+212612345678", consent: null })).toBe("noConsent");
    const refused = { contactBySms: false, withdrawnAt: null };
    expect(caseSmsBlocker({ anonymised: false, phone: "+212612345678", consent: refused })).toBe("noConsent");
    const withdrawn = { contactBySms: true, withdrawnAt: "2026-12-01T10:00:00Z" };
    expect(caseSmsBlocker({ anonymised: false, phone: "+212612345678", consent: withdrawn })).toBe("noConsent");
  });
});

describe("staleCorrectionFlags", () => {
  it("flags the form, and each field where the record now says other than what was typed, with what it holds", () => {
    expect(
      staleCorrectionFlags({ city: "tanger", phone: "0600", notes: "" }, { city: "rabat", phone: " 0600 " }),
    ).toEqual({
      errors: { form: "protection.correct.stale", city: "protection.correct.changedOnFile" },
      onFile: { city: "tanger" },
    });
    // a field the form did not send reads as empty; an emptied field shows the record's value
    expect(staleCorrectionFlags({ notes: "suivi" }, {})).toEqual({
      errors: { form: "protection.correct.stale", notes: "protection.correct.changedOnFile" },
      onFile: { notes: "suivi" },
    });
    // a field the record has emptied: flagged, and what is on file is nothing
    expect(staleCorrectionFlags({ provider: "" }, { provider: "Clinique" }).onFile).toEqual({ provider: "" });
  });

  it("compares ticked boxes as a set, and a list ticked to what the record holds is not flagged", () => {
    const now = { services: "legal", "services[]": "legal\nshelter", share: "identity" };
    // the same boxes in another order, and a single box posted once (no `name[]`)
    expect(
      staleCorrectionFlags(now, { services: "shelter", "services[]": "shelter\nlegal", share: "identity" }),
    ).toEqual({ errors: { form: "protection.correct.stale" }, onFile: {} });
    const refused = staleCorrectionFlags(now, { services: "legal", share: "identity", "share[]": "identity\nnotes" });
    expect(refused.errors).toEqual({
      form: "protection.correct.stale",
      services: "protection.correct.changedOnFile",
      share: "protection.correct.changedOnFile",
    });
    // the record's boxes, one a line; never a field named `services[]`
    expect(refused.onFile).toEqual({ services: "legal\nshelter", share: "identity" });
  });

  it("does not flag a field typed to what the record now holds, once both are read as the record stores them", () => {
    // the form's values are drawn by one function from the record and from the input as it
    // would be stored: a phone typed in another shape is the same phone
    const asForm = (p: { phone: string | null; city: string }) => ({ phone: p.phone ?? "", city: p.city });
    const typed = personAsStored({
      firstName: "Awa",
      lastName: "Kone",
      sex: "female",
      estimatedAge: 30,
      householdSize: 1,
      phone: "06 12 34 56 78",
      city: "tanger",
    });
    const refused = staleCorrectionFlags(
      asForm({ phone: "+212612345678", city: "rabat" }),
      asForm({ ...typed, city: "tanger" }),
    );
    expect(refused.errors).toEqual({ form: "protection.correct.stale", city: "protection.correct.changedOnFile" });
    expect(refused.onFile).toEqual({ city: "rabat" });
  });
});

describe("arabicWritesLatin", () => {
  it("reads a short name across scripts: the consonants, and the vowels Arabic writes", () => {
    for (const [arabic, latin] of [
      ["علي", "Ali"],
      ["علي", "Aly"],
      ["عمر", "Omar"],
      ["عيسى", "Issa"],
      ["أمين", "Amine"],
      ["آية", "Aya"],
      ["ديوب", "Diop"],
      ["سي", "Sy"],
    ])
      expect(arabicWritesLatin(arabic!, latin!), `${arabic} ${latin}`).toBe(true);
  });

  it("does not read the words that share a short name's skeleton as the name", () => {
    // على and إلى end in alef ("a"), لي starts with no vowel, من has none first, أمر is "amr"
    for (const [arabic, latin] of [
      ["على", "Ali"],
      ["إلى", "Ali"],
      ["لي", "Ali"],
      ["عليه", "Ali"],
      ["من", "Amine"],
      ["أمر", "Omar"],
      ["في", "Sy"],
    ])
      expect(arabicWritesLatin(arabic!, latin!), `${arabic} ${latin}`).toBe(false);
    // both in one script: that is the other foldings' work
    expect(arabicWritesLatin("Ali", "Ali")).toBe(false);
    expect(arabicWritesLatin("علي", "علي")).toBe(false);
  });
});
