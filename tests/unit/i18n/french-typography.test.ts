/**
 * French typography in the catalogue (decision 0150): the space inside
 * « » and before ; : ! ? is a no-break space, so a guillemet or a colon never starts or ends a
 * line alone ("« Appel AGR" / "» est retirée"). SMS texts (the `.sms` texts of notification
 * kinds and case SMS templates) keep plain spaces (the GSM
 * alphabet has no no-break space; one would make a French SMS cost double).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fr } from "../../../app/i18n/locales/fr/index";
import { CASE_SMS_TEMPLATES, NOTIFICATION_KINDS } from "../../../app/modules/notifications/kinds";

const root = path.resolve(import.meta.dirname, "../../..");

/** Every source file of app/ but the catalogue. */
function sourceFiles(dir = "app", out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (rel !== path.join("app", "i18n", "locales")) sourceFiles(rel, out);
    } else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/**
 * Punctuation the code sets after a translated text, `{t("x")} :` in JSX or `${t("x")}:` in
 * a template: written in code, it cannot have the no-break space French needs (nor follow
 * another language's rules). `labelled(t, key)` takes the colon from the catalogue.
 */
const PUNCTUATION_AFTER_TEXT = /\bt\((?:[^()]|\([^()]*\))*\)\}\s?[:;!?](?=[\s{"`<]|$)/;

function punctuationInCode(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      if (PUNCTUATION_AFTER_TEXT.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

/** The keys of every SMS text the portal sends. */
const SMS_TEXTS = new Set<string>([
  ...Object.values(NOTIFICATION_KINDS).map((kind) => kind.sms),
  ...Object.values(CASE_SMS_TEMPLATES).map((template) => template.sms),
]);

/** Any space a line may break at (everything \s matches but the no-break ones). */
const BREAKABLE = "[^\\S\\u00a0\\u202f\\u2007]";

/** Each place in a French message where a line could break beside a guillemet or before ; : ! ? */
function breakableFrenchSpaces(messages: Record<string, string>, sms: ReadonlySet<string> = SMS_TEXTS): string[] {
  const found: string[] = [];
  const rules = [
    new RegExp(`«${BREAKABLE}`, "u"),
    new RegExp(`${BREAKABLE}»`, "u"),
    new RegExp(`${BREAKABLE}[;:!?]`, "u"),
    // a guillemet glued to its word: French sets it apart with a no-break space
    /«[^\s]/u,
    /[^\s]»/u,
  ];
  for (const [key, text] of Object.entries(messages)) {
    if (sms.has(key)) continue;
    for (const rule of rules) {
      const m = rule.exec(text);
      if (m) found.push(`${key}: …${text.slice(Math.max(0, m.index - 12), m.index + 12)}…`);
    }
  }
  return found;
}

describe("French typography", () => {
  it("puts a no-break space inside « » and before ; : ! ? in every message but SMS", () => {
    expect(breakableFrenchSpaces(fr)).toEqual([]);
  });

  it("finds a breakable space (the check itself)", () => {
    expect(breakableFrenchSpaces({ a: "sur « Appel »" })).toHaveLength(2);
    expect(breakableFrenchSpaces({ a: "sur «\u00a0Appel »" })).toHaveLength(1);
    expect(breakableFrenchSpaces({ a: "Montant : 3" })).toHaveLength(1);
    expect(breakableFrenchSpaces({ a: "Vraiment ?" })).toHaveLength(1);
    expect(breakableFrenchSpaces({ a: "«Appel»" })).toHaveLength(2);
    expect(breakableFrenchSpaces({ a: "sur «\u00a0{call}\u00a0»\u00a0: 10:30 ; ok\u00a0!" })).toHaveLength(1);
    expect(breakableFrenchSpaces({ "a.sms": "Masar : « Appel »" }, new Set(["a.sms"]))).toEqual([]);
    expect(breakableFrenchSpaces({ "a.sms": "Non envoyé : pas de passerelle" })).toHaveLength(1);
  });

  it("keeps SMS texts in plain spaces", () => {
    expect(SMS_TEXTS.size).toBeGreaterThan(30);
    const sms = Object.entries(fr).filter(([key, text]) => SMS_TEXTS.has(key) && /[\u00a0\u202f]/.test(text));
    expect(sms).toEqual([]);
  });

  it("sets no colon, semicolon, ! or ? after a translated text in code: the catalogue's labelled() does", () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(200);
    expect(punctuationInCode(files)).toEqual([]);
  });

  it("finds punctuation set in code after a translated text (the check itself)", () => {
    const lines = [
      '{t("codes.flags.original")} : <bdi>{f.original}</bdi>',
      '{t("protection.field.sex")}: {sex}',
      "`${t(`protection.detail.${k}` as MessageKey)}: ${v}`",
      '{t("office.person.identifier")}:{" "}',
    ];
    for (const line of lines) expect(PUNCTUATION_AFTER_TEXT.test(line), line).toBe(true);
    for (const line of ['{ok ? t("form.yes") : t("form.no")}', '{labelled(t, "x")} {v}', '{t("a")} · {t("b")}'])
      expect(PUNCTUATION_AFTER_TEXT.test(line), line).toBe(false);
  });
});
