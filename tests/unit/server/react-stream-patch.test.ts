/**
 * react-dom/server is patched (patches/react-dom+18.3.1.patch, applied by `npm ci`'s
 * postinstall): when a multi-byte character (Arabic, é) does not fit at the end of
 * React 18.3's 2 KB write buffer, the stream wrote the whole buffer, unwritten zero
 * bytes included, so one to three NUL bytes reached the browser before that character
 * (react/react#31134, fixed upstream by react/react#26228, never released in 18).
 * Browsers turn a NUL inside an attribute value (a typed value shown again) into U+FFFD.
 * See docs/decisions/0095-react-stream-nul-patch.md. Both builds are checked: vitest
 * loads the development one, `npm start` (NODE_ENV=production) the minified one.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { PassThrough } from "node:stream";
import { createElement } from "react";
import { describe, expect, it } from "vitest";

type PipeableStream = { pipe(destination: NodeJS.WritableStream): void };
type ServerModule = {
  renderToPipeableStream(
    element: unknown,
    options: { onAllReady?: () => void; onError?: (error: unknown) => void },
  ): PipeableStream;
};

const require = createRequire(import.meta.url);
const builds: [string, string][] = [
  ["development (vitest)", "react-dom-server.node.development.js"],
  ["production (npm start)", "react-dom-server.node.production.min.js"],
];
// the package's exports map hides its builds: load them by file
const cjs = path.join(path.dirname(require.resolve("react-dom/package.json")), "cjs");

function render(server: ServerModule, element: unknown): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
    sink.on("end", () => resolve(Buffer.concat(chunks)));
    const stream = server.renderToPipeableStream(element, {
      onAllReady: () => stream.pipe(sink),
      onError: reject,
    });
  });
}

/**
 * A form shown again with typed values mixing ASCII and Arabic; the paragraph before it
 * shifts the whole document one byte at a time, so every offset of a 2-byte character
 * against the 2 KB buffer's end is tried (before the patch, 6 of these 24 documents
 * carried NUL bytes).
 */
function formWithTypedValues(shift: number) {
  const inputs = Array.from({ length: 150 }, (_, i) =>
    createElement("input", {
      key: i,
      name: `f${i}`,
      defaultValue: `${"x".repeat(i % 7)}مسار é ${"ب".repeat(i % 5)} ${i}`,
    }),
  );
  return createElement("form", null, createElement("p", { key: "p" }, "y".repeat(shift + 1)), inputs);
}

describe.each(builds)("react-dom/server %s", (_label, file) => {
  const server = require(path.join(cjs, file)) as ServerModule;

  it("never writes a NUL byte where a character does not fit at the end of its buffer", async () => {
    let straddled = 0;
    for (let shift = 0; shift < 24; shift++) {
      const bytes = await render(server, formWithTypedValues(shift));
      expect(bytes.includes(0)).toBe(false);
      const html = bytes.toString("utf8");
      expect(html).not.toContain("\uFFFD");
      // the values come back whole
      expect(html).toContain('مسار é بببب 149"');
      if (bytes.length > 2048) straddled++;
    }
    // the documents are long enough to cross the buffer's end many times
    expect(straddled).toBe(24);
  });
});
