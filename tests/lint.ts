/**
 * `npm run lint`: the house rules that TypeScript cannot check, over every source
 * file. Each rule says why it exists; a violation prints file:line and fails.
 */
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
type Rule = { name: string; why: string; applies: (file: string) => boolean; check: (line: string, file: string) => boolean };

const isServerOnly = (f: string) => /\.server\.tsx?$/.test(f) || f.startsWith("app/server/") || f.startsWith("db/") || f.startsWith("tests/");
const isAppCode = (f: string) => f.startsWith("app/");

const RULES: Rule[] = [
  {
    name: "db-only-on-server",
    why: "db/ holds credentials and Node APIs; the classic compiler would ship it to browsers if a client module imported it",
    applies: (f) => isAppCode(f) && !isServerOnly(f) && !f.startsWith("app/routes/"),
    check: (l) => !/^\s*import type /.test(l) && (/from ["']~db\//.test(l) || /from ["'](\.\.\/)+db\//.test(l)),
  },
  {
    name: "server-values-stay-on-the-server",
    why: "the browser build empties *.server modules: a component or client module may import only types from them (zod alone is 95 KB gzip)",
    // route modules (and root) may: the compiler drops their loaders and actions from the browser build
    applies: (f) => isAppCode(f) && !isServerOnly(f) && !f.startsWith("app/routes/") && f !== "app/root.tsx",
    check: (l) => !/^\s*import type /.test(l) && (/from ["'][^"']*\.server["']/.test(l) || /from ["']zod["']/.test(l)),
  },
  {
    name: "no-schema-at-route-top-level",
    why: "a route's top level runs in the browser too, where *.server imports are empty: a zod schema there breaks client navigation into the page; put it in the module's schemas.server.ts",
    applies: (f) => f.startsWith("app/routes/"),
    check: (l) => /^(export )?const \w+ = z\./.test(l),
  },
  {
    name: "no-focused-or-skipped-tests",
    why: "CI must run every test",
    applies: (f) => f.startsWith("tests/") && f !== "tests/lint.ts",
    check: (l) => /\b(it|test|describe)\.(skip|only|todo)\b|\bxit\(|\bfit\(/.test(l),
  },
  {
    name: "no-json-helper",
    why: "single fetch is on: loaders and actions return plain objects or data()",
    applies: (f) => f.startsWith("app/routes/"),
    check: (l) => /\bjson\(/.test(l) && /@remix-run\/node|return json\(/.test(l),
  },
  {
    name: "no-inline-style",
    why: "the CSP allows no inline styles; use classes in public/styles.css",
    applies: (f) => isAppCode(f) && f.endsWith(".tsx") && !/-pdf\.server\.tsx$|\/pdf\//.test(f),
    check: (l) => /\sstyle=\{\{/.test(l),
  },
  {
    name: "route-params-say-what-they-are",
    why: "house style: $planId, never $id",
    applies: (f) => f.startsWith("app/routes/"),
    check: (_l, f) => /\$id[.\]]/.test(path.basename(f)) || /\$id\.tsx?$/.test(path.basename(f)),
  },
  {
    name: "no-report-only-csp",
    why: "the CSP is enforced, never report-only",
    applies: (f) => isAppCode(f),
    check: (l) => /Content-Security-Policy-Report-Only/i.test(l),
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
