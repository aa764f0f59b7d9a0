/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // @react-pdf/renderer is ESM-only and large: keep it an external import of the server build
  serverDependenciesToBundle: [],
  // build/index.js is the server build and the portal's process (see app/server/server-build.ts)
  server: "app/server/server-build.ts",
  tailwind: false,
  postcss: false,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
