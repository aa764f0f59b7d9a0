import { describe, expect, it } from "vitest";
import { blindPlanText, blindText, namesInPlan } from "../../../app/modules/grants/blind-rules";

const identity = { names: ["Mohamed Amine El Idrissi", "محمد أمين", null, "Ali"] };
const hide = (text: string) => blindText(text, identity, "[x]");

describe("blindText (decision 0151)", () => {
  it("hides the applicant's names however they are written, one passage for a full name", () => {
    expect(hide("Je suis Mohamed Amine, tailleur.")).toEqual({ text: "Je suis [x], tailleur.", hidden: 1 });
    expect(hide("L'atelier de MUHAMMAD à Salé")).toEqual({ text: "L'atelier de [x] à Salé", hidden: 1 });
    expect(hide("أنا محمد، وأخي يعمل معي")).toEqual({ text: "أنا [x]، وأخي يعمل معي", hidden: 1 });
    // a Latin name written in Arabic script in the plan, and an Arabic proclitic
    expect(hide("مشروع إدريسي ولمحمد خبرة")).toEqual({ text: "مشروع [x] خبرة", hidden: 1 });
    expect(hide("Idrissi et Ali")).toEqual({ text: "[x] et [x]", hidden: 2 });
  });

  it("leaves ordinary words that share a short name's letters, and particles", () => {
    expect(hide("Il allait à la ville, le mardi; Aline et Leila aussi.")).toEqual({
      text: "Il allait à la ville, le mardi; Aline et Leila aussi.",
      hidden: 0,
    });
    expect(hide("El Jadida, Ben Guerir").hidden).toBe(0);
  });

  it("hides a short name in its other Latin spellings where the text writes it as a name, never an ordinary word", () => {
    const short = { names: ["Ali Sy"] };
    const blind = (text: string) => blindText(text, short, "[x]");
    expect(blind("Avec Aly, puis ALLI et SI; Mr Sy aussi.")).toEqual({
      text: "Avec [x], puis [x] et [x]; Mr [x] aussi.",
      hidden: 4,
    });
    // lower case, the same letters are words: si, il, ali(gner) stay
    expect(blind("si il faut aligner les sièges")).toEqual({ text: "si il faut aligner les sièges", hidden: 0 });
    // a longer name sharing the short one's letters stays (Alain, Sylla)
    expect(blind("Alain et Sylla").hidden).toBe(0);
  });

  it("hides a short name written in the other script, never the Arabic words that share its skeleton", () => {
    // Ali on file: علي in the plan, with a proclitic too; على ("on"), إلى ("to") and لي ("to me") fold to "l" as well, and stay
    const latin = { names: ["Ali Sy"] };
    expect(blindText("عمل علي في الورشة مع أخيه وعلي يبيع", latin, "[x]")).toEqual({
      text: "عمل [x] في الورشة مع أخيه [x] يبيع",
      hidden: 2,
    });
    const words = "نبيع على الرصيف وإلى الأسواق، وقال لي الزبون";
    expect(blindText(words, latin, "[x]")).toEqual({ text: words, hidden: 0 });
    // علي on file (an Arabic profile): Ali and Aly where the text writes them as names, not "ali" in a word
    const arabic = { names: ["علي", "عمر"] };
    expect(blindText("Avec Ali et ALY, puis Omar; un alibi.", arabic, "[x]")).toEqual({
      text: "Avec [x] et [x], puis [x]; un alibi.",
      hidden: 3,
    });
    expect(blindText("Il allait à la ville, le mardi; Aline et Leila aussi.", arabic, "[x]").hidden).toBe(0);
  });

  it("hides any phone number, e-mail, web address or handle, whoever's", () => {
    const r = hide(
      "Tél. 06 12 34 56 78, +212 612-345-678, ٠٦١٢٣٤٥٦٧٨ ; a.b@mail.ma ; https://x.org/p ; facebook.com/atelier ; @couture_rabat",
    );
    expect(r.text).toBe("Tél. [x], [x], [x] ; [x] ; [x] ; [x] ; [x]");
    expect(r.hidden).toBe(7);
  });

  it("leaves amounts, years and quantities", () => {
    const text = "Budget 150 000 MAD en 2026, 12 machines à 1 500,00 MAD, 3,5 % de marge, ouvert 8h-18h.";
    expect(hide(text)).toEqual({ text, hidden: 0 });
  });
});

describe("blindPlanText", () => {
  it("rewrites every free text of a plan, never its codes or figures, and counts the passages", () => {
    const plan = {
      planId: "Mohamed",
      summary: { projectName: "Couture Amine", sector: "textile", city: "Rabat", pitch: "" },
      legal: { form: "auto_entrepreneur", reason: "appelez 0612345678" },
      financial: { funding: [{ kind: "own", label: "Épargne de Mohamed", amountCentimes: 100 }] },
    };
    const r = blindPlanText(plan, identity, "[x]");
    expect(r.plan).toEqual({
      planId: "Mohamed",
      summary: { projectName: "Couture [x]", sector: "textile", city: "Rabat", pitch: "" },
      legal: { form: "auto_entrepreneur", reason: "appelez [x]" },
      financial: { funding: [{ kind: "own", label: "Épargne de [x]", amountCentimes: 100 }] },
    });
    expect(r.hidden).toBe(3);
  });

  it("hides the names a plan stores as names (a team member's, a partner's) wherever the plan mentions them", () => {
    const plan = {
      summary: { projectName: "Atelier Keita", sector: "textile", city: "Rabat", pitch: "Avec Fatou et Ibrahim." },
      team: [
        { name: "Ibrahim Keita", role: "vente" },
        { name: "Fatou Sow", role: "couture" },
      ],
      promoters: { partnerName: "Moussa Traoré", team: "Moussa s'occupe des comptes." },
      market: { competitors: [{ name: "Boutique Marjane", priceCentimes: 1000 }] },
    };
    const r = blindPlanText(plan, { names: [] }, "[x]");
    expect(r.plan).toEqual({
      summary: { projectName: "Atelier [x]", sector: "textile", city: "Rabat", pitch: "Avec [x] et [x]." },
      team: [
        { name: "[x]", role: "vente" },
        { name: "[x]", role: "couture" },
      ],
      // the team written as text is withheld whole (decision 0175-blind-team-text)
      promoters: { partnerName: "[x]", team: "[x]" },
      // a competitor's name is a shop's, not a person's
      market: { competitors: [{ name: "Boutique Marjane", priceCentimes: 1000 }] },
    });
    expect(r.hidden).toBe(7);
  });

  it("reads the stored names under keys that name a person, or as the name of an entry of a list of people", () => {
    expect(
      namesInPlan({
        owner_name: "Awa Diallo",
        founders: [{ name: "Issa Ba", share: 50 }],
        partnerName: "",
        competitors: [{ name: "Hanout" }],
        summary: { projectName: "Projet", name: "Projet" },
      }),
    ).toEqual(["Awa Diallo", "Issa Ba", ""]);
    expect(namesInPlan("texte")).toEqual([]);
  });
});
