import { DemoLabel } from '../../../web/components/demo-label.tsx';
import type { Organisation } from '../organisations.table.ts';

type Institution = Pick<Organisation, 'slug' | 'name' | 'shortName' | 'description' | 'isDemo'>;

/** "Södertörns högskola (SH) – Här utbildas bland annat journalister, poliser och lärare." */
export function InstitutionList({ institutions }: { institutions: Institution[] }) {
  return (
    <ul class="institutions">
      {institutions.map((institution) => (
        <li>
          <a href={`/larosaten/${institution.slug}`}>{institutionLabel(institution)}</a>
          {institution.description ? ` – ${institution.description}` : ''}{' '}
          <DemoLabel show={institution.isDemo} />
        </li>
      ))}
    </ul>
  );
}

/** The name with its abbreviation, unless the name already carries it ("… (KTH) Flemingsberg"). */
export function institutionLabel(institution: Pick<Organisation, 'name' | 'shortName'>): string {
  const { name, shortName } = institution;
  return shortName && !name.includes(`(${shortName})`) ? `${name} (${shortName})` : name;
}
