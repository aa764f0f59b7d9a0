/** `tsx tests/setup/ci-database.ts create|drop NAME`: a fresh database on the machine's PostgreSQL, for CI. */
import postgres from "postgres";

const [verb, name] = process.argv.slice(2);
if (!name || !/^[a-z0-9_]+$/.test(name) || (verb !== "create" && verb !== "drop")) {
  console.error("usage: ci-database.ts create|drop name");
  process.exit(2);
}
const admin = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const sql = postgres(admin, { max: 1, onnotice: () => {} });
try {
  await sql.unsafe(verb === "create" ? `create database ${name}` : `drop database if exists ${name} with (force)`);
  // the integration setup leaves its template and copies on this server too
  if (verb === "drop") {
    const extra = await sql<
      { datname: string }[]
    >`select datname from pg_database where datname like 'masar_template_%' or datname like 't\\_%\\_%'`;
    for (const { datname } of extra) await sql.unsafe(`drop database if exists ${datname} with (force)`);
  }
} finally {
  await sql.end();
}
