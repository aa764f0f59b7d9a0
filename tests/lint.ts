/**
 * The house rules that neither TypeScript nor ESLint (eslint.config.js) can check, over
 * every source file: `npm run lint` runs ESLint, Prettier's check, then this. Each rule
 * says why it exists; a violation prints file:line and fails.
 */
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
type Rule = {
  name: string;
  why: string;
  applies: (file: string) => boolean;
  check: (line: string, file: string) => boolean;
};

const RULES: Rule[] = [
  {
    name: "route-params-say-what-they-are",
    why: "house style: $planId, never $id",
    applies: (f) => f.startsWith("app/routes/"),
    check: (_l, f) => /\$id[.\]]/.test(path.basename(f)) || /\$id\.tsx?$/.test(path.basename(f)),
  },
  {
    name: "lists-in-the-readers-language",
    why: 'words shown to people join with listOf() (app/i18n/codes.ts: "، " in Arabic), not join(", "); technical names in <code>, typed French in lang="fr" and SQL are exempt',
    applies: (f) => f.startsWith("app/") && !f.startsWith("app/i18n/locales/") && !/sql/.test(f),
    check: (l) => /\.join\(\s*(["'`]), \1\s*\)/.test(l) && !/<code>|lang="fr"|sql/.test(l),
  },
];

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (["node_modules", "build", "migrations"].includes(entry.name)) continue;
      walk(rel, out);
    } else if (/\.(ts|tsx)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const files = ["app", "db", "tests"].flatMap((d) => walk(d));
const problems: string[] = [];
for (const file of files) {
  const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n");
  for (const rule of RULES) {
    if (!rule.applies(file)) continue;
    lines.forEach((line, index) => {
      if (rule.check(line, file)) problems.push(`${file}:${index + 1} ${rule.name}: ${rule.why}`);
    });
  }
}
if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`\n${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`lint: ${files.length} files, ${RULES.length} rules, no problems`);
