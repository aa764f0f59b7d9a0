/**
 * A short name across Arabic and Latin letters, where the duplicate check's consonant
 * skeleton (`foldName`, rules.ts) is too small to tell a name from a word: علي, على and لي
 * all fold to "l". Used by the blind reading of a plan (decision
 * 0169-blind-short-names-across-scripts). Pure: no database, no Remix.
 */
import { ARABIC, vowelForm } from "./rules";

const ARABIC_SCRIPT = /[\u0600-\u06ff]/;

/**
 * The Arabic letters that write a vowel, as the vowel a Latin spelling writes for them in
 * `vowelForm`'s classes: alef (its hamza and madda taken off first), alef maqsura and ta
 * marbuta "a", ya "i", waw "u"; ain stands for any vowel (علي Ali, عمر Omar, عيسى Issa).
 */
const ARABIC_VOWELS: Record<string, string> = { ا: "a", ى: "a", ة: "a", ي: "i", و: "u", ع: "*" };
const VOWEL = /[aiu]/;

/** An Arabic word as the letters a Latin spelling writes, in order: consonants as `foldName` maps them, long vowels kept. */
function arabicAsLatin(word: string): string {
  return [...word.normalize("NFKD").replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "")]
    .map((ch) => ARABIC_VOWELS[ch] ?? ARABIC[ch] ?? "")
    .join("")
    .replace(/(.)\1+/g, "$1");
}

/** `arabic` (as `arabicAsLatin`) read in `latin` (a vowel form), leaving out only vowels Arabic does not write. */
function writtenIn(arabic: string, latin: string): boolean {
  if (!arabic) return [...latin].every((ch) => VOWEL.test(ch));
  if (!latin) return false;
  const [a, l] = [arabic[0]!, latin[0]!];
  if (a === l || (a === "*" && VOWEL.test(l))) if (writtenIn(arabic.slice(1), latin.slice(1))) return true;
  // ain may also be the Latin spelling's silence (عيسى Issa: its vowel is the ya's)
  if (a === "*" && writtenIn(arabic.slice(1), latin)) return true;
  return VOWEL.test(l) && writtenIn(arabic, latin.slice(1));
}

/**
 * Whether a word in Arabic letters writes a name spelt in Latin letters (علي and Ali, عمر and
 * Omar), for names too short for the consonant skeleton (`foldName` gives "l" for Ali, and
 * for على "on" and لي "to me" too). Arabic writes the consonants and long vowels and leaves
 * the short vowels out: the Arabic word, read as Latin letters, must be the Latin name's
 * vowel form with only vowels left out, starting with the same letter (a vowel where the
 * name starts with one), its vowels in the same classes (ain any vowel, or none). So على
 * (ending in "a") is not Ali, and لي (no vowel first) is not Ali either; عالي ("high") is,
 * as it would be read aloud.
 */
export function arabicWritesLatin(arabic: string, latin: string): boolean {
  if (!ARABIC_SCRIPT.test(arabic) || ARABIC_SCRIPT.test(latin)) return false;
  const written = arabicAsLatin(arabic);
  // Arabic has no p or v: a Latin p is written ب, a v ف (Diop ديوب)
  const spelt = vowelForm(latin).replace(/ /g, "").replace(/p/g, "b").replace(/v/g, "f");
  if (!written || !spelt) return false;
  const [a, l] = [written[0]!, spelt[0]!];
  const sameStart = a === l || (a === "*" && VOWEL.test(l)) || (VOWEL.test(a) && VOWEL.test(l));
  return sameStart && writtenIn(written, spelt);
}
