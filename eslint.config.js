// ESLint (flat config): typescript-eslint, react-hooks and jsx-a11y, with Prettier owning
// the layout. The house rules ESLint cannot express stay in tests/lint.ts.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * A literal UTC offset in a date string: Morocco is UTC+1, and UTC+0 during Ramadan. The
 * sign follows a digit, a colon or a T, or starts the text, so the pieces of a template
 * (`${day}T23:59:59+01:00`, `${day}T${time}:00+01:00`, `${at}+01:00`) are caught too.
 */
const LITERAL_OFFSET = String.raw`(^|[0-9:T])[+-][01][0-9]:[0-9]{2}`;
const OFFSET_MESSAGE = "A literal UTC offset: Morocco is UTC+0 in Ramadan; go through app/lib/morocco-time.ts.";
const noLiteralOffset = [
  { selector: `Literal[value=/${LITERAL_OFFSET}/]`, message: OFFSET_MESSAGE },
  { selector: `TemplateElement[value.raw=/${LITERAL_OFFSET}/]`, message: OFFSET_MESSAGE },
  {
    selector: "Literal[value=/Content-Security-Policy-Report-Only/i]",
    message: "The CSP is enforced, never report-only.",
  },
];
const noInlineStyle = {
  selector: "JSXAttribute[name.name='style']",
  message: "The CSP allows no inline styles: use classes in public/styles.css.",
};
const TOP_LEVEL_SCHEMA = "VariableDeclarator > CallExpression.init:has(MemberExpression[object.name='z'])";
const noTopLevelSchema = [
  "Program > VariableDeclaration > ",
  "Program > ExportNamedDeclaration > VariableDeclaration > ",
].map((prefix) => ({
  // a route's top level runs in the browser too, where *.server imports are empty
  selector: prefix + TOP_LEVEL_SCHEMA,
  message: "No zod schema at a route's top level: put it in the module's schemas.server.ts.",
}));
const SERVER_ONLY = ["**/*.server.ts", "**/*.server.tsx", "app/server/**"];

/** Links come from app/components/link.tsx (0194). */
const REMIX_LINKS = {
  name: "@remix-run/react",
  importNames: ["Link", "NavLink"],
  message: "Import Link and NavLink from ~/components/link.",
};

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      ".data/",
      "node_modules/",
      "db/migrations/",
      "test-results/",
      "playwright-report/",
      "tests/bench/floor-app/build/",
      "tests/bench/floor-app/public/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // a table that scrolls sideways is a named region reachable from the keyboard (axe: scrollable-region-focusable)
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["tabpanel", "region"], tags: [] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", ...noLiteralOffset] },
  },
  {
    // documents are drawn by react-pdf, whose styles are objects, not CSS
    files: ["app/**/*.tsx"],
    ignores: ["**/*-pdf.server.tsx", "app/pdf/**"],
    rules: { "no-restricted-syntax": ["error", ...noLiteralOffset, noInlineStyle] },
  },
  {
    // the server renders plain links without react-router's hooks (0194)
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/routes/**", "app/components/link.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [REMIX_LINKS] }] },
  },
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": ["error", ...noLiteralOffset, noInlineStyle, ...noTopLevelSchema],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@remix-run/node",
              importNames: ["json"],
              message: "Single fetch is on: return plain objects or data().",
            },
            REMIX_LINKS,
          ],
        },
      ],
    },
  },
  {
    // modules the browser loads: the classic compiler would ship db/ (credentials, Node APIs),
    // zod and every *.server value to it; route modules may (their loaders and actions are dropped)
    files: ["app/**/*.{ts,tsx}"],
    ignores: [...SERVER_ONLY, "app/routes/**", "app/root.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~db/*", "**/db/*"],
              allowTypeImports: true,
              message: "db/ is server-only: import it from *.server files.",
            },
            {
              group: ["*.server", "**/*.server"],
              allowTypeImports: true,
              message: "Only types from *.server modules reach the browser.",
            },
          ],
          paths: [{ name: "zod", allowTypeImports: true, message: "zod stays on the server (forms.server.ts)." }],
        },
      ],
    },
  },
  {
    // a reader does not scroll: no file in app/ over 450 lines, no function over 80 (blank
    // lines and comments not counted), and no file excepted
    files: ["app/**/*.{ts,tsx,js}"],
    rules: {
      "max-lines": ["error", { max: 450, skipBlankLines: true, skipComments: true }],
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ["tests/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["it", "test", "describe"].flatMap((object) =>
          ["only", "skip", "todo"].map((property) => ({ object, property, message: "CI runs every test." })),
        ),
      ],
      "no-restricted-globals": [
        "error",
        { name: "fit", message: "CI runs every test." },
        { name: "xit", message: "CI runs every test." },
      ],
    },
  },
  {
    files: ["tests/e2e/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          // a screenshot at the phone's 2.75 scale costs 4.5 times as much to encode (decision
          // 0180-screenshots-at-css-scale)
          selector:
            "CallExpression[callee.property.name='screenshot']:not(:has(ObjectExpression > SpreadElement > Identifier[name='SHOT']))",
          message: "Spread SHOT (tests/e2e/fixtures.ts) into a screenshot's options.",
        },
      ],
    },
  },
  prettier,
);
