import postgres from "postgres";
const URL = "postgres://postgres@127.0.0.1:5432/postgres";
const sql = postgres(URL, { max: 2, onnotice() {} });
const killer = postgres(URL, { max: 1 });
let pid = null;
const tx = sql.begin(async (t) => {
  const [row] = await t`select pg_backend_pid() as pid`;
  pid = row.pid;
  await t`select pg_sleep(2)`;
});
while (pid === null) await new Promise((r) => setTimeout(r, 50));
await killer`select pg_terminate_backend(${pid})`;
const r = await tx.then(() => "ok", (e) => "rejected " + e.code);
console.log(r);
const [x] = await sql`select 1 as one`;
console.log("after", x);
await sql.end(); await killer.end();
