/**
 * `node db/orphan-watchdog.js <owner pid> <postmaster.pid file> <folder>...`: started
 * detached by a throwaway embedded PostgreSQL (db/embedded.ts, `temporary`). Once a second
 * it asks whether the process that started the server is alive; when it is gone without
 * having stopped the server (killed: a test run cut short never reaches its teardown), it
 * stops the server (a fast shutdown, SIGINT to the postmaster; SIGQUIT after 10 s) and
 * removes the folders. When the owner stopped the server itself, there is nothing left to
 * do but remove folders that are already gone. Plain JavaScript: it runs without tsx.
 */
import fs from "node:fs";

const [owner, pidFile, ...folders] = process.argv.slice(2);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function postmaster() {
  try {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    return pid > 0 && alive(pid) ? pid : 0;
  } catch {
    return 0;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function cleanUp() {
  const pid = postmaster();
  if (pid) {
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
    if (alive(pid)) process.kill(pid, "SIGQUIT");
    for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
  }
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
}

while (alive(Number(owner))) await sleep(1000);
await cleanUp();
