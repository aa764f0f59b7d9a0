/**
 * The portal's process: settings from the environment (parseEnv), the JSON log, the
 * portal (portal.server.ts), and a clean stop on SIGTERM/SIGINT. It runs from the server
 * build: `npm start` is `node app/server/start.js`, which loads build/index.js and calls
 * this with the build's own routes, so every module is loaded once.
 */
import type { ServerBuild } from "@remix-run/node";
import { InvalidEnvironment, parseEnv, type Env } from "./env.server";
import { createLogger } from "./logger.server";
import { startPortal } from "./portal.server";

function environment(): Env {
  try {
    return parseEnv();
  } catch (error) {
    if (!(error instanceof InvalidEnvironment)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

export async function main(build: ServerBuild, root: string) {
  const env = environment();
  const logger = createLogger({ level: env.LOG_LEVEL });
  // an error nobody caught ends the process, logged without its message's values
  process.on("uncaughtException", (error) => {
    logger.fatal({ err: error }, "uncaught exception");
    process.exit(1);
  });
  process.on("unhandledRejection", (error) => {
    logger.fatal({ err: error }, "unhandled rejection");
    process.exit(1);
  });

  const portal = await startPortal({ env, logger, build, root });
  logger.info(
    { event: "ready", port: portal.port, nodeEnv: env.NODE_ENV, embeddedDatabase: portal.embedded },
    `Masar is ready on http://localhost:${portal.port}${portal.embedded ? " (embedded PostgreSQL)" : ""}`,
  );
  const stop = (signal: string) => {
    portal.shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}
