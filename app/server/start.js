// `npm start`: the portal's process, run by node from the server build (`npm run build`
// makes build/index.js; app/server/server-build.ts is its entry).
const buildFile = new URL("../../build/index.js", import.meta.url);
let build;
try {
  build = await import(buildFile.href);
} catch (error) {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes(buildFile.pathname)) {
    process.stderr.write("No server build: run `npm run build` first.\n");
    process.exit(1);
  }
  throw error;
}
await build.start();
