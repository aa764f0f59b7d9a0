export default function Index() {
  return (
    <main>
      <h1>Plancher</h1>
      <p>Une page statique : le coût du cadre seul.</p>
    </main>
  );
}
