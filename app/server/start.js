// `npm start`: the portal's process, run by node from the server build (`npm run build`
// makes build/index.js; app/server/server-build.ts is its entry).
import fs from "node:fs";

const buildFile = new URL("../../build/index.js", import.meta.url);
// asked before importing: a package the build imports that is missing also fails with
// ERR_MODULE_NOT_FOUND, and its message names the build's file too; that one must show as is
if (!fs.existsSync(buildFile)) {
  process.stderr.write("No server build: run `npm run build` first.\n");
  process.exit(1);
}
const build = await import(buildFile.href);
await build.start();
