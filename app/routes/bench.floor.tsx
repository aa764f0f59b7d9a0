/**
 * The framework's floor for `npm run bench:http`: a page of static text through the
 * same stack as every other page (express middleware, root layout, React render),
 * with no database query and no sign-in of its own. Pages are measured against it.
 */
export default function BenchFloor() {
  return (
    <div className="narrow">
      <h1 className="page-title">Masar</h1>
    </div>
  );
}
