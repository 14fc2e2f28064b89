import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  journey,
  mailTo,
  newPage,
  signInAsAdministrator,
  signInWithMailedLink,
  text,
  useJourney,
} from './journey.ts';

/**
 * Issue 9, "done when": in Chromium with JavaScript off, a unit editor and a university's placement
 * coordinator, each invited by the administrator and signed in with the link a real SMTP server received,
 * offer, request and confirm places for next term, each side gets its mail, and the public overview counts
 * them; then a researcher with no account answers the editor's research question, the editor moves the
 * answer to "antagen", and the activity it became is on the public pages at once.
 *
 * The app's clock is E2E_NOW (27 November 2026, höstterminen 2026), so "next term" is VT2027.
 */
const NEXT_TERM = 'VT2027';

useJourney();

/** Everyone a mail with this subject went to (so far). */
function recipientsOf(subject: RegExp): string[] {
  return journey.smtp.received
    .filter((mail) => subject.test(mail.subject))
    .flatMap((mail) => mail.envelopeTo);
}

/** The path of the first link to this app in a mail that starts with `prefix` ("/praktik/forfragningar/"). */
function pathIn(text: string, prefix: string): string {
  const match = text.match(new RegExp(`https?://[^/\\s]+(${prefix}[^\\s]*)`));
  if (!match?.[1]) throw new Error(`no link to ${prefix} in: ${text}`);
  return match[1];
}

/**
 * The numbers in one row of one of the overview's tables (by its caption), or zeros when the row is not
 * there yet.
 */
async function figures(page: Page, caption: string, row: string, columns: number): Promise<number[]> {
  const found = page.getByRole('table', { name: caption, exact: true }).getByRole('row', { name: row });
  if ((await found.count()) === 0) return Array.from({ length: columns }, () => 0);
  const cells = await found.getByRole('cell').allInnerTexts();
  expect(cells).toHaveLength(columns);
  return cells.map((cell) => Number(cell.replace(/\s/g, '')));
}

const EDITOR = 'elsa.ek@ekdalsskolan.example.se';
const PLACEMENTS = 'pia.praktik@sh.example.se';
const RESEARCHER = 'rut.forskare@example.se';

const BY_ADMINISTRATION = `Praktikplatser per förvaltning, ${NEXT_TERM}`;
const BY_INSTITUTION = `Praktikplatser per lärosäte, ${NEXT_TERM}`;
const BRIEFS_BY_ADMINISTRATION = 'Behov i behovsbanken per förvaltning, HT2026';
const BRIEFS_BY_INSTITUTION = 'Behovsbanken per lärosäte, HT2026';

describe('placements and the needs bank, tried by new users without JavaScript', () => {
  let editor: Page;
  let placementCoordinator: Page;
  let requestPath: string;

  it('lets the administrator invite a unit editor and a placement coordinator, who sign in from the mail', async () => {
    const { invite } = await signInAsAdministrator();
    await invite('Elsa Ek', EDITOR, 'Ekdalsskolan', 'Redaktör');
    await invite('Pia Praktik', PLACEMENTS, 'Södertörns högskola', 'Praktiksamordnare (lärosäte)');

    editor = await newPage();
    await signInWithMailedLink(editor, EDITOR, /inbjud/i);
    placementCoordinator = await newPage();
    await signInWithMailedLink(placementCoordinator, PLACEMENTS, /inbjud/i);
  });

  it('lets the editor offer places for next term, the placement coordinator request some and the unit confirm them, with mail to each side and the overview counting them', async () => {
    // The public overview before, as anyone reads it.
    const anonymous = await newPage();
    await anonymous.goto(`${journey.server.baseUrl}/praktik/oversikt?termin=${NEXT_TERM}`);
    const unitBefore = await figures(anonymous, BY_ADMINISTRATION, 'Barn- och utbildningsförvaltningen', 4);
    const institutionBefore = await figures(anonymous, BY_INSTITUTION, 'Södertörns högskola', 3);

    // The editor offers places from the workspace; the form proposes next term.
    await editor.goto(`${journey.server.baseUrl}/arbetsyta`);
    await editor.getByRole('link', { name: 'Erbjud praktikplatser' }).click();
    await editor.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Ekdalsskolan' });
    expect(await editor.getByLabel('Termin', { exact: true }).inputValue()).toBe(NEXT_TERM);
    await editor.getByLabel('Typ av praktik').selectOption({ label: 'VFU, lärarutbildning' });
    await editor.getByLabel('Utbildning eller ämne').fill('Ämneslärarprogrammet 7–9, matematik');
    await editor.getByLabel('Termin eller nivå i utbildningen').fill('VFU 3');
    await editor.getByLabel('Antal platser').fill('4');
    await editor.getByLabel('Handledare som kan ta emot').fill('3');
    await editor.getByLabel('Från', { exact: true }).fill('2027-02-01');
    await editor.getByLabel('Till', { exact: true }).fill('2027-03-26');
    await editor.getByLabel('Adress').fill('Ekdalsvägen 12, 141 35 Huddinge');
    await editor.getByLabel('Kommundel').fill('Sjödalen');
    await editor.getByLabel('Krav på studenten').fill('Utdrag ur belastningsregistret för arbete med barn.');
    await editor.getByLabel('Kort beskrivning').fill('Matematik i årskurs 7–9 med erfarna handledare.');
    await editor.getByRole('button', { name: 'Spara' }).click();
    await editor.waitForLoadState();
    expect(new URL(editor.url()).pathname).toMatch(/^\/praktik\/platser\/\d+$/);
    expect(await text(editor)).toContain('Erbjudandet är sparat.');
    expect(await text(editor)).toContain('4 platser, 0 bekräftade, 4 lediga');

    // The placement coordinator finds it in next term's list with the filters, and requests three places.
    await placementCoordinator.goto(`${journey.server.baseUrl}/praktik/platser?termin=${NEXT_TERM}`);
    expect(await placementCoordinator.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Praktikplatser vårterminen 2027',
    );
    await placementCoordinator.getByLabel('Typ av praktik').selectOption({ label: 'VFU, lärarutbildning' });
    await placementCoordinator.getByLabel('Utbildning eller ämne').fill('Ämneslärar');
    await placementCoordinator.getByLabel('Bara erbjudanden med lediga platser').check();
    await placementCoordinator.getByRole('button', { name: 'Visa', exact: true }).click();
    await placementCoordinator.waitForLoadState();
    expect(await text(placementCoordinator)).toContain('1 erbjudande vårterminen 2027');
    await placementCoordinator.getByRole('link', { name: 'Ekdalsskolan', exact: true }).click();
    expect(await text(placementCoordinator)).toContain(
      'Ämneslärarprogrammet 7–9, matematik, Ekdalsskolan, vårterminen 2027',
    );
    await placementCoordinator.getByRole('link', { name: 'Begär platser på erbjudandet' }).click();
    expect(await text(placementCoordinator)).toContain('4 av 4 platser lediga');
    await placementCoordinator
      .getByLabel('Lärosäte', { exact: true })
      .selectOption({ label: 'Södertörns högskola' });
    await placementCoordinator.getByLabel('Antal platser').fill('3');
    await placementCoordinator
      .getByLabel('Meddelande till enheten')
      .fill('Tre studenter i matematik inför sista VFU-perioden.');
    await placementCoordinator.getByLabel('Studenter (valfritt)').fill('Alva, Ämneslärarprogrammet');
    await placementCoordinator.getByRole('button', { name: 'Skicka förfrågan' }).click();
    await placementCoordinator.waitForLoadState();
    requestPath = new URL(placementCoordinator.url()).pathname;
    expect(requestPath).toMatch(/^\/praktik\/forfragningar\/\d+$/);
    expect(await text(placementCoordinator)).toContain('Förfrågan är skickad. Enheten har fått ett mejl.');
    expect(await text(placementCoordinator)).toContain('Inskickad');

    // The unit side hears of it by mail, and confirms from the link in it.
    const request = await mailTo(
      EDITOR,
      /^Ny förfrågan om praktikplatser hos Ekdalsskolan, vårterminen 2027$/,
    );
    expect(request.text).toContain(
      'Södertörns högskola begär 3 platser hos Ekdalsskolan (Ämneslärarprogrammet 7–9, matematik, vårterminen 2027).',
    );
    expect(request.text).toContain('Tre studenter i matematik inför sista VFU-perioden.');
    expect(pathIn(request.text, '/praktik/forfragningar/')).toBe(requestPath);
    await editor.goto(`${journey.server.baseUrl}${pathIn(request.text, '/praktik/forfragningar/')}`);
    expect(await text(editor)).toContain('Alva, Ämneslärarprogrammet');
    await editor.getByRole('button', { name: 'Bekräfta', exact: true }).click();
    await editor.waitForLoadState();
    expect(new URL(editor.url()).pathname).toBe(requestPath);
    expect(await text(editor)).toContain('Förfrågan är uppdaterad och den andra parten har fått ett mejl.');
    expect(await text(editor)).toContain('Bekräftad');

    // The institution side hears of it, and its own page says so.
    const confirmed = await mailTo(
      PLACEMENTS,
      /^Förfrågan nr \d+ om praktikplatser hos Ekdalsskolan, .*: bekräftad$/,
    );
    expect(confirmed.text).toMatch(
      /^Hej!\n\nFörfrågan nr \d+ från Södertörns högskola om 3 platser hos Ekdalsskolan \(Ämneslärarprogrammet 7–9, matematik, vårterminen 2027\) är nu bekräftad\./,
    );
    expect(pathIn(confirmed.text, '/praktik/forfragningar/')).toBe(requestPath);
    await placementCoordinator.goto(`${journey.server.baseUrl}${requestPath}`);
    expect(await text(placementCoordinator)).toContain('Bekräftad');
    // Each mail went to its own side only.
    expect(recipientsOf(/^Ny förfrågan om praktikplatser/)).toEqual([EDITOR]);
    expect(recipientsOf(/^Förfrågan nr \d+ om praktikplatser/)).toEqual([PLACEMENTS]);

    // The public overview counts the four places offered and the three requested and confirmed.
    await anonymous.goto(`${journey.server.baseUrl}/praktik/oversikt?termin=${NEXT_TERM}`);
    const [offered, requested, confirmedPlaces, completed] = unitBefore;
    expect(await figures(anonymous, BY_ADMINISTRATION, 'Barn- och utbildningsförvaltningen', 4)).toEqual([
      offered! + 4,
      requested! + 3,
      confirmedPlaces! + 3,
      completed,
    ]);
    const [institutionRequested, institutionConfirmed, institutionCompleted] = institutionBefore;
    expect(await figures(anonymous, BY_INSTITUTION, 'Södertörns högskola', 3)).toEqual([
      institutionRequested! + 3,
      institutionConfirmed! + 3,
      institutionCompleted,
    ]);
  });

  it('lets a researcher answer the editor’s research question, and the accepted answer’s activity is on the public pages at once', async () => {
    // The overview counts briefs in the term they are published in: this one (today, HT2026).
    const anonymous = await newPage();
    await anonymous.goto(`${journey.server.baseUrl}/praktik/oversikt?termin=HT2026`);
    const briefsBefore = await figures(
      anonymous,
      BRIEFS_BY_ADMINISTRATION,
      'Barn- och utbildningsförvaltningen',
      2,
    );
    const takenUpBefore = await figures(anonymous, BRIEFS_BY_INSTITUTION, 'Södertörns högskola', 3);

    // The editor publishes a research question for the school, with their own address for the answers.
    const title = 'Hur stärker vi elevernas läsförståelse i matematik?';
    await editor.goto(`${journey.server.baseUrl}/arbetsyta`);
    await editor.getByRole('link', { name: 'Beskriv ett nytt behov' }).first().click();
    await editor.getByLabel('Typ av behov').selectOption({ label: 'Forskningsfråga' });
    await editor.getByLabel('Rubrik').fill(title);
    await editor.getByLabel(/^Förvaltning eller enhet som frågar/).selectOption({ label: 'Ekdalsskolan' });
    await editor
      .getByLabel('Frågan', { exact: true })
      .fill('Vilka arbetssätt hjälper elever i årskurs 7–9 att förstå textuppgifter i matematik?');
    await editor
      .getByLabel('Vad resultatet ska användas till', { exact: true })
      .fill('Skolans plan för matematikundervisningen läsåret 2027/28 och fortbildningen av lärarna.');
    await editor.getByLabel('Kontaktperson', { exact: true }).fill('Elsa Ek');
    await editor.getByLabel('Kontaktpersonens e-postadress').fill(EDITOR);
    await editor.getByLabel('Verksamhetsutveckling genom forskning').check();
    await editor.getByLabel(/^Offentligt/).check();
    await editor.getByLabel('Publicera behovet').check();
    await editor.getByRole('button', { name: 'Spara' }).click();
    await editor.waitForLoadState();
    const briefPath = new URL(editor.url()).pathname;
    expect(briefPath).toMatch(/^\/behovsbanken\/[a-z0-9-]+$/);

    // A researcher without an account finds it among the research questions and answers it, signing in
    // with a link on the way (any address becomes an account).
    const researcher = await newPage();
    await researcher.goto(`${journey.server.baseUrl}/behovsbanken`);
    await researcher.getByLabel('Typ', { exact: true }).selectOption({ label: 'Forskningsfrågor' });
    await researcher.getByRole('button', { name: 'Visa', exact: true }).click();
    await researcher.getByRole('link', { name: title }).click();
    expect(new URL(researcher.url()).pathname).toBe(briefPath);
    await researcher.getByRole('link', { name: 'Svara på behovet' }).click();
    expect(new URL(researcher.url()).pathname).toBe('/logga-in');
    await researcher.getByLabel('E-postadress').fill(RESEARCHER);
    await researcher.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
    await signInWithMailedLink(researcher, RESEARCHER, /inloggningslänk/);
    expect(new URL(researcher.url()).pathname).toBe(`${briefPath}/svara`);
    await researcher.getByLabel('Ditt namn').fill('Rut Forskare');
    expect(await researcher.getByLabel('Din e-postadress').inputValue()).toBe(RESEARCHER);
    await researcher.getByLabel('Forskare', { exact: true }).check();
    await researcher.getByLabel('Lärosäte', { exact: true }).selectOption({ label: 'Södertörns högskola' });
    await researcher
      .getByLabel('Program, ämne eller institution')
      .fill('Institutionen för kultur och lärande');
    await researcher
      .getByLabel('Hur skulle du ta dig an det?')
      .fill(
        'Aktionsforskning med två lärarlag: gemensam planering, lektionsobservationer och elevintervjuer.',
      );
    await researcher.getByLabel('När?').fill('vårterminen 2027');
    await researcher.getByRole('button', { name: 'Skicka svaret' }).click();
    await researcher.waitForLoadState();
    const answerPath = new URL(researcher.url()).pathname;
    expect(answerPath).toMatch(/^\/behovsbanken\/svar\/\d+$/);
    expect(await text(researcher)).toContain('Tack! Ditt svar är inskickat.');
    await mailTo(
      RESEARCHER,
      /^Ditt svar på ”Hur stärker vi elevernas läsförståelse i matematik\?” har kommit fram$/,
    );

    // The editor hears of it and moves it to "under bedömning", then to "antagen".
    const news = await mailTo(
      EDITOR,
      /^Nytt svar på ”Hur stärker vi elevernas läsförståelse i matematik\?”$/,
    );
    expect(news.text).toContain('Rut Forskare har svarat');
    expect(pathIn(news.text, '/behovsbanken/svar/')).toBe(answerPath);
    await editor.goto(`${journey.server.baseUrl}${answerPath}`);
    const move = async (stage: string) => {
      await editor.getByLabel(stage, { exact: true }).check();
      await editor.getByRole('button', { name: 'Spara steget' }).click();
      await editor.waitForLoadState();
      expect(await text(editor)).toContain('Den som svarade får ett mejl om det.');
      expect(await text(editor)).toContain(`Status ${stage}`);
    };
    await move('Under bedömning');
    const inReview = await mailTo(RESEARCHER, /” bedöms nu$/);
    expect(inReview.text).toContain('bedöms nu av den som står bakom behovet');
    await move('Antagen');
    expect(await text(editor)).toContain('Svaret är antaget');
    const accepted = await mailTo(RESEARCHER, /” är antaget$/);
    expect(accepted.text).toContain('är antaget. Samarbetet finns nu i registret');
    const activityPath = pathIn(accepted.text, '/aktiviteter/');
    await researcher.goto(`${journey.server.baseUrl}${pathIn(accepted.text, '/behovsbanken/svar/')}`);
    expect(await text(researcher)).toContain('Status Antagen');
    expect(
      await researcher.getByRole('link', { name: `${title} – Södertörns högskola` }).getAttribute('href'),
    ).toBe(activityPath);
    expect(recipientsOf(/^Ditt svar på /)).toEqual([RESEARCHER, RESEARCHER, RESEARCHER]);

    // Anyone sees it at once: on the brief's page, on the activity's own page, and in the search.
    const activityTitle = `${title} – Södertörns högskola`;
    await anonymous.goto(`${journey.server.baseUrl}${briefPath}`);
    const outcomes = anonymous.getByRole('region', { name: 'Det här blev' });
    await outcomes.getByRole('link', { name: activityTitle }).click();
    expect(new URL(anonymous.url()).pathname).toBe(activityPath);
    expect(await anonymous.getByRole('heading', { level: 1 }).textContent()).toContain(activityTitle);
    expect(await text(anonymous)).toContain('Aktionsforskning med två lärarlag');

    await anonymous.goto(
      `${journey.server.baseUrl}/sok?q=${encodeURIComponent('läsförståelse i matematik')}`,
    );
    await anonymous.getByRole('link', { name: activityTitle }).first().click();
    expect(new URL(anonymous.url()).pathname).toBe(activityPath);

    // And the overview: one more brief published by the förvaltning and taken up, by Södertörns högskola.
    await anonymous.goto(`${journey.server.baseUrl}/praktik/oversikt?termin=HT2026`);
    expect(
      await figures(anonymous, BRIEFS_BY_ADMINISTRATION, 'Barn- och utbildningsförvaltningen', 2),
    ).toEqual([briefsBefore[0]! + 1, briefsBefore[1]! + 1]);
    const [tookUp, ownPublished, ownTakenUp] = takenUpBefore;
    expect(await figures(anonymous, BRIEFS_BY_INSTITUTION, 'Södertörns högskola', 3)).toEqual([
      tookUp! + 1,
      ownPublished,
      ownTakenUp,
    ]);
  });
});
