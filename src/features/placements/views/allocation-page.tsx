import { useT } from '../../../web/i18n/context.ts';
import type { LoadedTermProposal } from '../requests.service.ts';

/** The automatic proposal for a term, its rule in words, and the one button that confirms it. */
export function AllocationPage(props: {
  term: string | undefined;
  proposal: LoadedTermProposal | undefined;
  notice?: string | undefined;
}) {
  const t = useT();
  const text = t.placementRequests.allocation;
  const { proposal } = props;
  return (
    <>
      <h1>{text.title}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>{text.intro}</p>
      <h2>{text.ruleHeading}</h2>
      <ol>
        {text.rule.map((line) => (
          <li>{line}</li>
        ))}
      </ol>
      <form method="get" action="/praktik/fordelning" class="inline-form">
        <div class="field">
          <label for="termin">{text.termLabel}</label>
          <input id="termin" name="termin" type="text" value={props.term ?? ''} maxlength={6} />
        </div>
        <button type="submit">{text.show}</button>
      </form>
      {!proposal ? (
        <p>{text.chooseTerm}</p>
      ) : proposal.lines.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <>
          <p>{text.count(proposal.granted, proposal.lines.length)}</p>
          <section class="table-scroll" aria-labelledby="fordelning-caption" tabindex={0}>
            <table>
              <caption id="fordelning-caption">{text.caption(proposal.term)}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.round}</th>
                  <th scope="col">{t.placementRequests.list.institution}</th>
                  <th scope="col">{t.placementRequests.page.preference}</th>
                  <th scope="col">{t.placementRequests.list.unit}</th>
                  <th scope="col">{t.placementRequests.list.programme}</th>
                  <th scope="col">{t.placementRequests.list.places}</th>
                  <th scope="col">{text.outcome}</th>
                </tr>
              </thead>
              <tbody>
                {proposal.lines.map((line) => (
                  <tr>
                    <td>{line.round}</td>
                    <td>{line.request.universityName}</td>
                    <td>{line.request.preference}</td>
                    <td>
                      <a href={`/praktik/forfragningar/${line.request.id}`}>{line.detail.unitName}</a>
                    </td>
                    <td>{line.detail.programme}</td>
                    <td>{line.request.places}</td>
                    <td>{line.granted ? text.granted : text.notGranted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {proposal.granted > 0 ? (
            <form method="post" action="/praktik/fordelning">
              <input type="hidden" name="term" value={proposal.term} />
              <input type="hidden" name="hash" value={proposal.hash} />
              <button type="submit">{text.confirm}</button>
            </form>
          ) : null}
        </>
      )}
    </>
  );
}
