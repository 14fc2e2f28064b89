/** GOV.UK-style summary at the top of a form that failed: each message links to its field. */
export function ErrorSummary({
  title,
  errors,
}: {
  title: string;
  errors: { field: string; message: string }[];
}) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
