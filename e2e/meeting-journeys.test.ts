import ICAL from 'ical.js';
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
 * Issue 10, "done when": in Chromium with JavaScript off, the council's secretary (an official of
 * Huddinge kommun, editor of its organisation and member of Högskolerådet, invited by the administrator)
 * creates a council meeting with an agenda and sends the call; the members get it with an .ics (real SMTP);
 * the meeting is held, the minutes written and sent for approval in one step; the adjuster approves; the
 * public sees the approved minutes and the decision (and did not before); an action from the decision is
 * followed up by its owner at the next meeting.
 *
 * The app's clock is E2E_NOW: 27 November 2026, 11:00 in Stockholm. The meeting is called for 11:30 the
 * same day and then, as held, moved to start at 10:00 (a meeting that has begun can no longer be called).
 */
useJourney();

const SECRETARY = 'sara.sekreterare@huddinge.example.se';
const ADJUSTER = 'jonas.justerare@sh.example.se';
const OWNER = 'karin.ki@ki.example.se';

const ITEM = 'Gemensam satsning på VFU i lärarutbildningen';
const PROPOSAL = 'Högskolerådet ställer sig bakom en gemensam plan för VFU-platser från vårterminen 2027.';
const DECISION = 'Högskolerådet beslutar att ta fram en gemensam plan för VFU-platser till mars 2027.';
const ACTION = 'Ta fram ett förslag till gemensam VFU-plan';

/** The path of the first link to this app in a mail that starts with `prefix`. */
function pathIn(mailText: string, prefix: string): string {
  const match = mailText.match(new RegExp(`https?://[^/\\s]+(${prefix}[^\\s]*)`));
  if (!match?.[1]) throw new Error(`no link to ${prefix} in: ${mailText}`);
  return match[1];
}

/** Parses an .ics as a calendar client would (ical.js, with the file's own VTIMEZONE). */
function parseCalendar(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

const path = (page: Page) => new URL(page.url()).pathname;

describe('a council meeting, tried by new users without JavaScript', () => {
  let secretary: Page;
  let adjuster: Page;
  let owner: Page;

  it('lets the administrator invite the secretary and two members of Högskolerådet, who sign in from the mail', async () => {
    const { admin, invite: inviteWithRole } = await signInAsAdministrator();

    // Invited with a role in their organisation, then made members of the council on their person page.
    const invite = async (name: string, email: string, organisation: string, role: string) => {
      await inviteWithRole(name, email, organisation, role);
      await admin.getByLabel('Grupp', { exact: true }).selectOption({ label: 'Högskolerådet' });
      await admin.getByRole('button', { name: 'Lägg till i gruppen' }).click();
      await admin.waitForLoadState();
      expect(await admin.getByRole('rowheader', { name: 'Högskolerådet' }).count()).toBe(1);
    };
    await invite('Sara Sekreterare', SECRETARY, 'Huddinge kommun', 'Redaktör');
    await invite('Jonas Justerare', ADJUSTER, 'Södertörns högskola', 'Medlem');
    await invite('Karin Karolinska', OWNER, 'Karolinska Institutet', 'Medlem');

    secretary = await newPage();
    await signInWithMailedLink(secretary, SECRETARY, /inbjud/i);
    adjuster = await newPage();
    await signInWithMailedLink(adjuster, ADJUSTER, /inbjud/i);
    owner = await newPage();
    await signInWithMailedLink(owner, OWNER, /inbjud/i);
  });

  it('lets the secretary call a meeting, write the minutes and have them approved; the public sees the decision only then, and its action comes up at the next meeting', async () => {
    const base = journey.server.baseUrl;

    // The secretary finds the council's meetings on its internal page and adds one.
    await secretary.goto(`${base}/grupper/hogskoleradet/internt`);
    await secretary.getByRole('link', { name: 'Nytt möte', exact: true }).click();
    expect(path(secretary)).toBe('/grupper/hogskoleradet/moten/nytt');
    const title = 'Högskolerådet, 27 november 2026';
    await secretary.getByLabel('Rubrik', { exact: true }).fill(title);
    await secretary.getByLabel('Datum', { exact: true }).fill('2026-11-27');
    await secretary.getByLabel('Börjar (klockan)').fill('11:30');
    await secretary.getByLabel('Slutar (klockan)').fill('13:00');
    await secretary
      .getByRole('textbox', { name: 'Plats', exact: true })
      .fill('Huddinge kommunhus, sal Stortorp');
    expect(
      await secretary.getByLabel('Sekreterare', { exact: true }).locator('option:checked').textContent(),
    ).toBe('Sara Sekreterare');
    await secretary.getByRole('button', { name: 'Skapa mötet' }).click();
    await secretary.waitForLoadState();
    const workspacePath = path(secretary);
    expect(workspacePath).toMatch(/^\/moten\/\d+\/arbetsyta$/);
    const meetingId = Number(workspacePath.split('/')[2]);
    const workspaceText = await text(secretary);
    expect(workspaceText).toContain('Mötets öppnande');
    expect(workspaceText).toContain('Dagordningen har inga ärenden utöver de stående.');

    // An item with a proposed decision.
    await secretary.getByRole('link', { name: 'Lägg till ärende' }).click();
    await secretary.getByLabel('Rubrik', { exact: true }).fill(ITEM);
    await secretary.getByLabel('Föredragande').fill('Sara Sekreterare');
    await secretary.getByLabel('Förslag till beslut').fill(PROPOSAL);
    await secretary.getByRole('button', { name: 'Spara' }).click();
    await secretary.waitForLoadState();
    expect(path(secretary)).toBe(workspacePath);
    expect(await text(secretary)).toContain(`Förslag till beslut: ${PROPOSAL}`);
    expect(await text(secretary)).toContain('Allt som behövs för kallelsen finns.');

    // The call: every member with an address gets it, with the meeting as a calendar file.
    await secretary.getByRole('button', { name: 'Skicka kallelsen' }).click();
    await secretary.waitForLoadState();
    expect(await text(secretary)).toMatch(/Kallelsen skickades till \d+ personer\./);
    const call = await mailTo(ADJUSTER, new RegExp(`^Kallelse: ${title}$`));
    expect(call.text).toContain(`${base}/moten/${meetingId}`);
    const ics = call.attachments.find((attachment) => attachment.filename.endsWith('.ics'));
    expect(ics?.contentType).toMatch(/^text\/calendar/);
    const [event] = parseCalendar(ics!.text);
    expect(event?.summary).toBe(title);
    expect(event?.component.getFirstPropertyValue('url')).toBe(`${base}/moten/${meetingId}`);
    expect(event?.description).toContain(`${base}/moten/${meetingId}`);
    expect(event?.location).toContain('Huddinge kommunhus, sal Stortorp');
    expect(event?.startDate.zone?.tzid).toBe('Europe/Stockholm');
    expect(event?.startDate.toString()).toBe('2026-11-27T11:30:00');
    expect(event?.startDate.toJSDate().toISOString()).toBe('2026-11-27T10:30:00.000Z');
    await mailTo(OWNER, new RegExp(`^Kallelse: ${title}$`));

    // The meeting began earlier than called: the secretary moves it (the members get the change).
    await secretary.getByRole('link', { name: 'Ändra mötet', exact: true }).click();
    await secretary.getByLabel('Börjar (klockan)').fill('10:00');
    await secretary.getByLabel('Slutar (klockan)').fill('12:00');
    await secretary.getByRole('button', { name: 'Spara' }).click();
    await secretary.waitForLoadState();
    expect(path(secretary)).toBe(workspacePath);
    expect(await text(secretary)).toContain('27 november 2026, 10:00–12:00');
    await mailTo(ADJUSTER, new RegExp(`^Ändrad kallelse: ${title}$`));

    // The minutes: notes and the decision, attendance, the adjuster, closed and sent in one step.
    await secretary.getByRole('link', { name: /^Skriv protokollet?$/ }).click();
    expect(path(secretary)).toBe(`/moten/${meetingId}/protokoll`);
    const heading = await secretary.getByRole('heading', { name: new RegExp(ITEM) }).textContent();
    const position = heading?.match(/§ (\d+)/)?.[1];
    expect(position).toBeTruthy();
    await secretary
      .getByLabel(`Anteckningar, § ${position}`)
      .fill('Sara Sekreterare föredrog ärendet. Lärosätena ser behov av fler platser i Flemingsberg.');
    await secretary.getByLabel(`Beslut, § ${position}`).fill(DECISION);
    for (const name of ['Sara Sekreterare', 'Jonas Justerare', 'Karin Karolinska'])
      await secretary.getByRole('group', { name }).getByLabel('Närvarande').check();
    await secretary.getByRole('group', { name: 'Justerare' }).getByLabel('Jonas Justerare').check();
    // Forgetting where the minutes are kept is told by the field, and nothing typed is lost.
    const finish = secretary.getByRole('button', { name: 'Spara, stäng mötet och skicka för justering' });
    await finish.click();
    await secretary.waitForLoadState();
    expect(await text(secretary)).toContain('Skriv var protokollet förvaras.');
    expect(await secretary.getByLabel(`Beslut, § ${position}`).inputValue()).toBe(DECISION);
    expect(
      await secretary.getByRole('group', { name: 'Justerare' }).getByLabel('Jonas Justerare').isChecked(),
    ).toBe(true);
    await secretary
      .getByLabel('Var protokollet förvaras')
      .fill('Kommunledningsförvaltningen, Huddinge kommun');
    await finish.click();
    await secretary.waitForLoadState();
    expect(await text(secretary)).toContain('Protokollet är skickat för justering och mötet är stängt.');
    expect(await text(secretary)).toContain('Sista dag för justering: 11 december 2026');

    // Not yet approved: the public sees the meeting, not the decision.
    const anonymous = await newPage();
    await anonymous.goto(`${base}/moten/${meetingId}`);
    expect(await text(anonymous)).toContain(ITEM);
    expect(await text(anonymous)).not.toContain(DECISION);
    await anonymous.goto(`${base}/hogskoleradet`);
    expect(await text(anonymous)).not.toContain(DECISION);

    // The adjuster hears of it and approves, signed in.
    const adjust = await mailTo(ADJUSTER, new RegExp(`^Justera protokollet: ${title}$`));
    const approvalPath = pathIn(adjust.text, '/moten/');
    expect(approvalPath).toBe(`/moten/${meetingId}/justera`);
    // The meeting's working page shows the adjuster the way to it too.
    await adjuster.goto(`${base}${workspacePath}`);
    expect(await adjuster.getByRole('link', { name: 'Till justeringen' }).getAttribute('href')).toBe(
      approvalPath,
    );
    await adjuster.goto(`${base}${approvalPath}`);
    expect(await text(adjuster)).toContain(DECISION);
    await adjuster.getByRole('button', { name: 'Justera protokollet' }).click();
    await adjuster.waitForLoadState();
    expect(await text(adjuster)).toContain('Protokollet är justerat av alla justerare och publicerat.');

    // Now the public sees the approved minutes and the decision: the meeting, the decision's own page,
    // and the council's page.
    await anonymous.goto(`${base}/moten/${meetingId}`);
    const published = await text(anonymous);
    expect(published).toContain(DECISION);
    // The notice of approved minutes, as a municipal notice board would have it.
    expect(published).toContain('Anslag om justerat protokoll');
    expect(published).toContain('Datum för justering 27 november 2026');
    expect(published).toContain('Jonas Justerare (justerat 27 november 2026)');
    expect(published).toContain(
      'Förvaringsplats för protokollet Kommunledningsförvaltningen, Huddinge kommun',
    );
    await anonymous.getByRole('link', { name: 'Beslutets sida', exact: true }).click();
    expect(path(anonymous)).toMatch(/^\/beslut\/\d+$/);
    expect(await text(anonymous)).toContain(DECISION);
    const decisionPath = path(anonymous);
    // The council's page lists the meeting among the past ones, with its decision, to the same page.
    await anonymous.goto(`${base}/hogskoleradet`);
    await anonymous.getByRole('link', { name: ITEM, exact: true }).click();
    expect(path(anonymous)).toBe(decisionPath);

    // An action from the decision, owned by a member, from the meeting's working page.
    await secretary.goto(`${base}${workspacePath}`);
    await secretary.getByRole('link', { name: new RegExp(`Nytt uppdrag.*${ITEM}`) }).click();
    expect(path(secretary)).toMatch(/^\/arenden\/\d+\/uppdrag\/nytt$/);
    await secretary.getByLabel('Uppdrag', { exact: true }).fill(ACTION);
    await secretary.getByLabel('Ansvarig person').selectOption({ label: 'Karin Karolinska' });
    await secretary.getByLabel('Klart senast').fill('2027-01-15');
    await secretary.getByRole('button', { name: 'Spara uppdraget' }).click();
    await secretary.waitForLoadState();
    const actionPath = path(secretary);
    expect(actionPath).toMatch(/^\/uppdrag\/\d+$/);
    expect(await text(secretary)).toContain('Uppdraget är sparat.');
    await secretary.goto(`${base}${workspacePath}`);
    expect(await secretary.getByRole('link', { name: ACTION }).getAttribute('href')).toBe(actionPath);

    // The next meeting: its follow-up item lists the action, and its owner follows it up from there.
    await secretary.goto(`${base}/grupper/hogskoleradet/internt`);
    await secretary.getByRole('link', { name: 'Nytt möte', exact: true }).click();
    const nextTitle = 'Högskolerådet, 28 januari 2027';
    await secretary.getByLabel('Rubrik', { exact: true }).fill(nextTitle);
    await secretary.getByLabel('Datum', { exact: true }).fill('2027-01-28');
    await secretary.getByLabel('Börjar (klockan)').fill('13:00');
    await secretary.getByLabel('Slutar (klockan)').fill('15:00');
    await secretary
      .getByRole('textbox', { name: 'Plats', exact: true })
      .fill('Huddinge kommunhus, sal Stortorp');
    await secretary.getByRole('button', { name: 'Skapa mötet' }).click();
    await secretary.waitForLoadState();
    const nextWorkspace = path(secretary);
    expect(nextWorkspace).toMatch(/^\/moten\/\d+\/arbetsyta$/);
    const followUp = secretary.getByRole('table', { name: /uppdrag/i });
    expect(await followUp.getByRole('rowheader', { name: ACTION }).count()).toBe(1);

    await owner.goto(`${base}${nextWorkspace}`);
    await owner.getByRole('link', { name: ACTION }).click();
    expect(path(owner)).toBe(actionPath);
    await owner.getByLabel('Pågår').check();
    await owner.getByLabel('Kort uppdatering').fill('Ett första utkast går till arbetsgruppen i januari.');
    await owner.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await owner.waitForLoadState();
    expect(await text(owner)).toContain('Uppföljningen är sparad.');
    expect(await text(owner)).toContain('Status Pågår');
    // Back to the meeting it came from, a page the owner may open.
    expect(await owner.getByRole('link', { name: title, exact: true }).getAttribute('href')).toBe(
      workspacePath,
    );

    await secretary.goto(`${base}${nextWorkspace}`);
    expect(await text(secretary)).toContain('Pågår: Ett första utkast går till arbetsgruppen i januari.');
  });
});
