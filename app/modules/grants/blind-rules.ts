/**
 * What a blind reading hides in the text the applicant wrote (decision 0151):
 * their own names, in any of the ways their account and profile write them, the names a
 * plan stores as names (a team member's, a co-founder's: decision 0161),
 * and any phone number, e-mail address, web address or social-media handle. A free text about
 * people (the plan's `promoters.team`) is withheld whole: the people it names are named only
 * there (decision 0175-blind-team-text). Other people's names written in other free text stay:
 * nothing tells them from a supplier's or a town's.
 * Pure: no database, no Remix.
 */
import { foldName, vowelForm } from "~/modules/protection/rules";
import { arabicWritesLatin } from "~/modules/protection/names-across-scripts";

/** The ways the applicant's name is written: display name, profile names in Latin and Arabic. */
export type BlindIdentity = { names: (string | null | undefined)[] };

/** Codes and ids of a plan document: never free text, never rewritten. */
const CODE_KEYS = new Set(["version", "planId", "updatedAt", "sector", "form", "kind"]);

/** Particles of names that are also ordinary words: never hidden alone. */
const PARTICLES = new Set([
  "de",
  "da",
  "du",
  "des",
  "del",
  "la",
  "le",
  "el",
  "al",
  "ben",
  "bin",
  "ibn",
  "bent",
  "bint",
  "ould",
  "abd",
  "abou",
  "abu",
  "van",
  "von",
  "ال",
  "بن",
  "بنت",
  "ابن",
  "ولد",
  "عبد",
  "أبو",
  "ابو",
]);

const DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]";

/** Ways a person is reached, whoever they are: hidden in any blind reading. */
const CONTACT_PATTERNS = [
  // e-mail
  /[^\s@<>()"']+@[^\s@<>()"']+\.[a-z]{2,}/giu,
  // web address, with or without its scheme (facebook.com/…, wa.me/…)
  /\b(?:https?:\/\/|www\.)[^\s]+|\b[a-z0-9-]+\.(?:com|ma|net|org|fr|me|io|info|biz)\b(?:\/[^\s]*)?/giu,
  // a handle (@name)
  /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_.]{2,}/gu,
  // a phone number: "+", "00" or "0" first, then at least 8 more digits, spaced or not
  new RegExp(`(?<!${DIGIT})(?:\\+|00|0|\u0660|\u06f0)${DIGIT}(?:[\\s.\\-/]?${DIGIT}){7,13}(?!${DIGIT})`, "gu"),
];

const WORD = /[\p{L}\p{M}]+/gu;
const ARABIC_PROCLITIC = /^(?:وال|بال|فال|كال|لل|ال|و|ف|ب|ل)(?=[\u0600-\u06ff]{3,})/u;

function plain(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "")
    .toLowerCase();
}

type NameKey = {
  plain: Set<string>;
  folded: Set<string>;
  /** short names in Latin letters, as their vowel forms */
  short: Set<string>;
  /** the same names as written, and short names written in Arabic letters: each read in the other script */
  shortLatin: Set<string>;
  shortArabic: Set<string>;
};

const ARABIC_LETTER = /[\u0600-\u06ff]/u;

/**
 * Each word of the names to hide, as written (accents and case aside) and as a consonant
 * skeleton across scripts. A skeleton under three letters would hide ordinary words ("Ali"
 * folds to "l", and so do على and لي), so a short name is hidden as written, in its other
 * Latin spellings (Aly, Alli; Sy, Si) only where the text writes it as a name, with a
 * capital, and in the other script only where the letters write that name (علي for Ali,
 * Ali for علي: `arabicWritesLatin`).
 */
function nameKey(identity: BlindIdentity): NameKey {
  const key: NameKey = {
    plain: new Set(),
    folded: new Set(),
    short: new Set(),
    shortLatin: new Set(),
    shortArabic: new Set(),
  };
  for (const name of identity.names) {
    for (const word of (name ?? "").match(WORD) ?? []) {
      const p = plain(word);
      if (p.length < 2 || PARTICLES.has(p)) continue;
      key.plain.add(p);
      const folded = foldName(word);
      if (folded.length >= 3) key.folded.add(folded);
      else if (ARABIC_LETTER.test(word)) key.shortArabic.add(p);
      else if (vowelForm(word)) {
        key.short.add(vowelForm(word));
        key.shortLatin.add(p);
      }
    }
  }
  return key;
}

/** A short name of the key written in the other script: Arabic letters for a Latin name, a capitalised Latin word for an Arabic one. */
function isShortNameAcrossScripts(word: string, forms: Iterable<string>, key: NameKey): boolean {
  if (ARABIC_LETTER.test(word)) {
    for (const form of forms) for (const latin of key.shortLatin) if (arabicWritesLatin(form, latin)) return true;
    return false;
  }
  if (!CAPITALISED.test(word)) return false;
  for (const arabic of key.shortArabic) if (arabicWritesLatin(arabic, word)) return true;
  return false;
}

/** A word the text writes as a name: a capital first, in a script that has capitals. */
const CAPITALISED = /^\p{Lu}/u;

function isName(word: string, key: NameKey): boolean {
  const p = plain(word);
  if (PARTICLES.has(p)) return false;
  if (CAPITALISED.test(word) && key.short.has(vowelForm(word))) return true;
  const once = p.replace(ARABIC_PROCLITIC, "");
  const forms = new Set([p, once, once.replace(ARABIC_PROCLITIC, "")]);
  for (const form of forms) {
    if (key.plain.has(form)) return true;
    const folded = foldName(form);
    if (folded.length >= 3 && key.folded.has(folded)) return true;
  }
  return isShortNameAcrossScripts(word, forms, key);
}

type Span = [number, number];

/** Spans next to each other (only spaces or a dash between: a full name) become one passage. */
function mergeSpans(text: string, spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && (span[0] <= last[1] || /^[\s-]*$/u.test(text.slice(last[1], span[0]))))
      last[1] = Math.max(last[1], span[1]);
    else out.push([...span]);
  }
  return out;
}

/**
 * A text with every passage that names or reaches the applicant replaced by `marker`,
 * and how many passages were hidden.
 */
export function blindText(text: string, identity: BlindIdentity, marker: string): { text: string; hidden: number } {
  const key = nameKey(identity);
  const spans: Span[] = [];
  for (const pattern of CONTACT_PATTERNS)
    for (const m of text.matchAll(pattern)) spans.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(WORD)) if (isName(m[0], key)) spans.push([m.index, m.index + m[0].length]);
  if (spans.length === 0) return { text, hidden: 0 };
  const passages = mergeSpans(text, spans);
  let out = "";
  let at = 0;
  for (const [start, end] of passages) {
    out += text.slice(at, start) + marker;
    at = end;
  }
  return { text: out + text.slice(at), hidden: passages.length };
}

/** A key that holds a person's name: `ownerName`, `first_name`, `partnerName`... */
const PERSON_NAME_KEY =
  /(given|family|full|owner|promoter|applicant|first|last|user|display|partner|member|founder|associate|manager|employee|contact)_?name$/i;
/** A key whose entries are people (a team, co-founders): their `name` is a person's. */
const PEOPLE_KEY = /team|members?$|founders?$|associates?$|partners?$|employees?$|people|persons?$|promoters?$/i;

/**
 * The names a plan stores as names, anywhere in it: under a key that names a person
 * (`partnerName`, `founder_name`) or as the `name` of an entry of a list of people
 * (`team: [{ name, role }]`). A competitor's or a project's name is not a person's.
 * Read from the snapshot as submitted, before keys that name the person are dropped.
 */
export function namesInPlan(plan: unknown): string[] {
  const names: string[] = [];
  const walk = (value: unknown, inPeople: boolean) => {
    if (Array.isArray(value)) for (const v of value) walk(v, inPeople);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === "string" && (PERSON_NAME_KEY.test(k) || (inPeople && k === "name"))) names.push(v);
        else walk(v, inPeople || PEOPLE_KEY.test(k));
      }
  };
  walk(plan, false);
  return names;
}

/**
 * A plan (a document or any snapshot tree) as a blind reader gets it: every free text
 * through `blindText` (the names the plan itself stores as names hidden too), a free text
 * about people (under a key such as `team`) replaced whole by `marker`, codes and figures
 * untouched, and the number of passages hidden.
 */
export function blindPlanText<T>(plan: T, identity: BlindIdentity, marker: string): { plan: T; hidden: number } {
  identity = { names: [...identity.names, ...namesInPlan(plan)] };
  let hidden = 0;
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === "string") {
      if (key && CODE_KEYS.has(key)) return value;
      // a team written as text names its members where nothing tells a name from a word
      if (key && PEOPLE_KEY.test(key) && value.trim()) {
        hidden += 1;
        return marker;
      }
      const r = blindText(value, identity, marker);
      hidden += r.hidden;
      return r.text;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  // the same shape back: only strings were replaced by strings
  return { plan: walk(plan) as T, hidden };
}
