import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { useT } from '../../../web/i18n/context.ts';
import { OVERVIEW_PATH } from '../../placements/views/overview-page.tsx';
import type {
  CountedRecord,
  IndicatorFigures,
  IndicatorYear,
} from '../indicators/indicator-figures.service.ts';
import { indicatorPath, useFigureText, useIndicatorWords, YearChooser } from './indicator-parts.tsx';

/** Where a counted record has a public page; a placement offer has none (its term's overview instead). */
function recordPath(record: CountedRecord): string | null {
  if (record.slug === null) return null;
  if (record.recordType === 'activity') return `/aktiviteter/${record.slug}`;
  if (record.recordType === 'brief') return `/behovsbanken/${record.slug}`;
  if (record.recordType === 'organisation') return `/organisationer/${record.slug}`;
  return null;
}

/** A placement offer's detail is "<term> · <unit>": the term leads to that term's public overview. */
function termOf(detail: string | null): string | null {
  const term = detail?.split(' · ')[0]?.trim();
  return term && /^(VT|HT)\d{4}$/.test(term) ? term : null;
}

function RecordName({ record }: { record: CountedRecord }) {
  const t = useT().goalPages;
  const path = recordPath(record);
  if (record.recordType === 'placement_offer') {
    const term = termOf(record.detail);
    return (
      <>
        {t.placementDetail(record.title ?? '', record.detail ?? '')}
        {term ? (
          <>
            {' '}
            <a href={`${OVERVIEW_PATH}?termin=${term}`}>{t.placementOverview(term)}</a>
          </>
        ) : null}
      </>
    );
  }
  return path ? <a href={path}>{record.title}</a> : record.title;
}

/** What a counted figure is made of in one year, record by record (“Visa vad som räknas”). */
export function IndicatorRecords(props: {
  figures: IndicatorFigures;
  figure: IndicatorYear | undefined;
  records: CountedRecord[];
  year: number;
}) {
  const t = useT().goalPages;
  const withheldText = useT().indicators;
  const { definition } = props.figures;
  const words = useIndicatorWords(definition);
  const figureText = useFigureText();
  const path = indicatorPath(definition.slug);
  return (
    <>
      <h1>{t.recordsTitle(words.name, props.year)}</h1>
      <p>
        <a href={path}>{t.backToIndicator(words.name)}</a>
      </p>
      <p>{words.counts}</p>
      <YearChooser
        action={`${path}/underlag`}
        years={props.figures.years.map((year) => year.year).reverse()}
        chosen={props.year}
      />
      {props.figure ? (
        <p>
          {t.recordsIntro(figureText(definition, props.figure.value, props.figure.withheld))}{' '}
          <DemoLabel show={props.figure.demo} />
        </p>
      ) : null}
      {props.records.length === 0 && props.figure?.withheld ? (
        <p>{t.withheldRow}</p>
      ) : props.records.length === 0 ? (
        <p class="nothing-yet">{t.noRecords(props.year)}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="underlag" tabindex={0}>
          <table>
            <caption id="underlag">{t.recordsCaption(words.name, props.year)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.recordColumn}</th>
                <th scope="col">{t.recordTypeColumn}</th>
                <th scope="col">{t.addsColumn}</th>
              </tr>
            </thead>
            <tbody>
              {props.records.map((record) => (
                <tr>
                  <th scope="row">
                    <RecordName record={record} /> <DemoLabel show={record.demo} />
                  </th>
                  <td>{t.recordTypes[record.recordType]}</td>
                  <td>
                    {record.withheld
                      ? withheldText.withheldCell
                      : figureText(definition, record.value, false)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {props.records.some((record) => record.withheld) ? <p>{withheldText.withheldCellNote}</p> : null}
        </section>
      )}
    </>
  );
}
