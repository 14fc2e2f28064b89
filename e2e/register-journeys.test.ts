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
 * Issue 8, "done when": a coordinator, an editor and a member, each a new user invited by the
 * administrator and signed in with the link a real SMTP server received, do their jobs in Chromium with
 * JavaScript off, and the public pages show the edits at once. (Every page state here is also in the
 * crawl, which checks it with axe, the HTML validator and at 320 px.)
 */
useJourney();

describe('the register kept up to date by new users, without JavaScript', () => {
  let coordinator: Page;
  let editor: Page;
  let member: Page;

  it('lets the administrator invite a coordinator, an editor and a member, who sign in from the mail', async () => {
    const { invite } = await signInAsAdministrator();
    await invite('Cora Samordnare', 'cora@example.se', 'Huddinge kommun', 'Samverkanssamordnare');
    await invite('Erik Redaktör', 'erik@example.se', 'Barn- och utbildningsförvaltningen', 'Redaktör');
    await invite('Maja Medlem', 'maja@example.se', 'Barn- och utbildningsförvaltningen', 'Medlem');

    coordinator = await newPage();
    await signInWithMailedLink(coordinator, 'cora@example.se', /inbjud/i);
    editor = await newPage();
    await signInWithMailedLink(editor, 'erik@example.se', /inbjud/i);
    member = await newPage();
    await signInWithMailedLink(member, 'maja@example.se', /inbjud/i);
  });

  it('lets the editor change their own organisation, shown at once, and not another one', async () => {
    await editor.goto(`${journey.server.baseUrl}/arbetsyta`);
    await editor.getByRole('link', { name: 'Ekdalsskolan', exact: true }).click();
    await editor.getByLabel('Beskrivning').fill('Grundskola F–9 med läsfrämjande arbete tillsammans med SH.');
    await editor.getByRole('button', { name: 'Spara' }).click();
    await editor.waitForLoadState();
    expect(new URL(editor.url()).pathname).toBe('/organisationer/ekdalsskolan');
    expect(await text(editor)).toContain('Grundskola F–9 med läsfrämjande arbete tillsammans med SH.');

    const anonymous = await newPage();
    await anonymous.goto(`${journey.server.baseUrl}/organisationer/ekdalsskolan`);
    expect(await text(anonymous)).toContain('Grundskola F–9 med läsfrämjande arbete tillsammans med SH.');

    const refused = await editor.goto(
      `${journey.server.baseUrl}/organisationer/flemingsbergs-gymnasium/andra`,
    );
    expect(refused?.status()).toBe(403);
  });

  it('lets the member register a collaboration, and the coordinator accept it into the register', async () => {
    await member.goto(`${journey.server.baseUrl}/registrera`);
    await member.getByLabel('Vad handlar samarbetet om?').fill('Robotprogrammering i fritidshemmet');
    await member.getByLabel('Lärosäte', { exact: true }).selectOption({ label: 'Södertörns högskola' });
    await member
      .getByLabel('Förvaltning eller enhet')
      .selectOption({ label: 'Barn- och utbildningsförvaltningen' });
    await member.getByLabel('Kontaktperson', { exact: true }).fill('Maja Medlem');
    await member.getByLabel('Kontaktpersonens e-postadress').fill('maja@example.se');
    await member.getByRole('button', { name: 'Skicka in' }).click();
    await member.waitForLoadState();
    // Likely duplicates are shown first (same university and förvaltning): it is a new one.
    if ((await member.getByText('Finns samarbetet redan i registret?').count()) > 0) {
      await member.getByLabel(/nytt samarbete/i).check();
      await member.getByRole('button', { name: 'Skicka in' }).click();
      await member.waitForLoadState();
    }
    const proposalPath = new URL(member.url()).pathname;
    expect(proposalPath).toMatch(/^\/forslag\/\d+$/);

    await coordinator.goto(`${journey.server.baseUrl}/arbetsyta`);
    await coordinator.getByRole('link', { name: 'Robotprogrammering i fritidshemmet' }).click();
    await coordinator.getByLabel('Typ av aktivitet').selectOption({ label: 'Kurs' });
    await coordinator.getByRole('button', { name: 'Anta', exact: true }).click();
    await coordinator.waitForLoadState();
    expect(await text(coordinator)).toContain('Förslaget är antaget');
    await mailTo('maja@example.se', /finns nu i registret/);

    const anonymous = await newPage();
    await anonymous.goto(`${journey.server.baseUrl}/sok?q=Robotprogrammering`);
    await anonymous
      .getByRole('link', { name: /Robotprogrammering i fritidshemmet/ })
      .first()
      .click();
    expect(await text(anonymous)).toContain('Robotprogrammering i fritidshemmet');
  });

  it('lets the coordinator change an agreement and add its signed PDF, which residents can download', async () => {
    await coordinator.goto(`${journey.server.baseUrl}/avtal/samverkansavtal-sodertorns-hogskola/andra`);
    await coordinator.getByLabel('Diarienummer').fill('KS-2026/123');
    await coordinator.getByRole('button', { name: 'Spara' }).click();
    await coordinator.waitForLoadState();
    expect(await text(coordinator)).toContain('KS-2026/123');

    await coordinator.goto(`${journey.server.baseUrl}/avtal/samverkansavtal-sodertorns-hogskola/andra`);
    await coordinator.getByRole('link', { name: 'Lägg till dokument' }).click();
    const pdf = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
    await coordinator.getByLabel('PDF-fil').setInputFiles({
      name: 'Samverkansavtal SH.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf),
    });
    await coordinator.getByLabel('Rubrik').fill('Undertecknat samverkansavtal');
    await coordinator.getByRole('button', { name: 'Ladda upp' }).click();
    await coordinator.waitForLoadState();
    expect(await text(coordinator)).toContain('Dokumentet är sparat.');

    const anonymous = await newPage();
    await anonymous.goto(`${journey.server.baseUrl}/avtal/samverkansavtal-sodertorns-hogskola`);
    expect(await text(anonymous)).toContain('KS-2026/123');
    const link = anonymous.getByRole('link', { name: /Undertecknat samverkansavtal \(PDF/ });
    const href = await link.getAttribute('href');
    const file = await fetch(`${journey.server.baseUrl}${href}`);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(await file.text()).toBe(pdf);
  });
});
