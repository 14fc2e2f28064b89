import { useT } from '../../../web/i18n/context.ts';

/**
 * "Det här blev" on a brief's public page: the public activities its accepted answers became (from
 * `briefOutcomes` in brief-responses.service.ts). Nothing when there are none yet.
 */
export function BriefOutcomes({ activities }: { activities: { slug: string; title: string }[] }) {
  const t = useT();
  const text = t.briefResponses.outcomes;
  if (activities.length === 0) return null;
  return (
    <section aria-labelledby="det-har-blev">
      <h2 id="det-har-blev">{text.heading}</h2>
      <p>{text.intro}</p>
      <ul>
        {activities.map((activity) => (
          <li>
            <a href={`/aktiviteter/${activity.slug}`}>{activity.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
