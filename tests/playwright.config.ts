import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.E2E_PORT ?? 3210);
// one key for the run, shared by the server (it inherits the environment) and the tests'
// factories, which write sealed identities straight into the database
process.env.MASAR_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * End-to-end in Debian's Chromium against the built app on a fresh, seeded database.
 * Every spec runs on a phone-sized screen, with JavaScript and without it; a journey walked in
 * French and in Arabic runs in French with JavaScript and in Arabic without (journey() in
 * e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: path.join(root, "tests", "e2e"),
  outputDir: path.join(root, "test-results"),
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  // a web-first assertion waits for the page; on a loaded two-core machine a page can take
  // more than the default 5 s to answer (waiting longer costs nothing when it answers sooner)
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices["Pixel 5"],
    viewport: { width: 375, height: 740 },
    // the programme's default audience: a French-speaking phone in Morocco
    locale: "fr-MA",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
    trace: "off",
  },
  projects: [
    // the retention period is one setting for the portal: one project applies it (retention.spec.ts)
    // a journey walked in both languages: French here, Arabic without JavaScript (journey() in e2e/fixtures.ts)
    {
      name: "phone-js",
      use: { browserName: "chromium", javaScriptEnabled: true },
      testIgnore: /retention\.spec\.ts$/,
      grepInvert: /@journey-ar\b/,
    },
    // the crawls run once, in phone-js: the accessibility walk needs the page's scripts (axe, the
    // target-size measures, hydration errors) and turns JavaScript on itself; the text walk reads
    // the page as the server sent it and turns it off; the PDF walk reads PDFs; phone-fit measures
    // server-rendered layout (selects, charts) that no script changes
    {
      name: "phone-no-js",
      use: { browserName: "chromium", javaScriptEnabled: false },
      testIgnore: /(a11y|text-crawl|pdf-crawl|phone-fit)\.spec\.ts$/,
      grepInvert: /@journey-fr\b/,
    },
  ],
  webServer: {
    command: `npx tsx tests/e2e/server.ts`,
    cwd: root,
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    // without it Playwright SIGKILLs the server's process group, and the embedded PostgreSQL
    // (a group of its own) outlived every run; SIGTERM lets server.ts stop it and remove its folder
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: { E2E_PORT: String(port) },
    stdout: "pipe",
    stderr: "pipe",
  },
});
