import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, textOf } from '../../../tests/test-app.ts';

/** /arbetsyta speaks to the person it is: an editor of the register, or someone who answers and proposes. */

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp();
});
afterAll(() => subject.cleanup());

async function workspaceAs(spec: Parameters<typeof signedInPerson>[1]) {
  const person = await signedInPerson(subject, spec);
  const response = await subject.request('/arbetsyta', { headers: { cookie: person.cookie } });
  expect(response.status).toBe(200);
  const html = await response.text();
  return { html, text: textOf(html) };
}

/** What only fits someone who keeps a part of the register up to date. */
const editorOnly = [
  'Här håller du',
  'Be en administratör',
  'Du kan inte ändra',
  'Organisationer du kan ändra',
  'Grupper du kan ändra',
];

describe('the workspace’s intro and sections', () => {
  it('tells a researcher without roles what they can do, and shows no register sections', async () => {
    const { html, text } = await workspaceAs({ name: 'Rut Forskare', email: 'rut.arbetsyta@sh.example' });
    expect(text).toContain('Här följer du dina svar på behov och de samarbeten du har registrerat.');
    expect(html).toContain('href="/behovsbanken"');
    expect(html).toContain('href="/registrera"');
    expect(html).not.toContain('href="/praktik/platser"');
    for (const phrase of editorOnly) expect(text).not.toContain(phrase);
    expect(text).toContain('Mina svar');
  });

  it('tells a member of an organisation the same', async () => {
    const { text } = await workspaceAs({
      name: 'Mia Medlem',
      roles: { 'barn-och-utbildningsforvaltningen': 'member' },
    });
    expect(text).toContain('Här följer du dina svar på behov');
    for (const phrase of editorOnly) expect(text).not.toContain(phrase);
  });

  it('shows a placement coordinator where to request placement places', async () => {
    const { html, text } = await workspaceAs({
      name: 'Pia Praktik',
      roles: { 'sodertorns-hogskola': 'placement_coordinator' },
    });
    expect(text).toContain('lärosätets förfrågningar om praktikplatser');
    expect(html).toContain('href="/praktik/platser"');
    expect(text).toContain('Be om praktikplatser hos kommunens enheter');
    for (const phrase of editorOnly) expect(text).not.toContain(phrase);
  });

  it('keeps the register’s intro and sections for an editor', async () => {
    const { html, text } = await workspaceAs({
      name: 'Erik Redaktör',
      roles: { 'barn-och-utbildningsforvaltningen': 'editor' },
    });
    expect(text).toContain('Här håller du din organisations del av registret aktuell.');
    expect(text).toContain('Organisationer du kan ändra');
    expect(text).toContain('Grupper du kan ändra');
    expect(html).toContain('href="/organisationer/barn-och-utbildningsforvaltningen/andra"');
    expect(text).not.toContain('Det här kan du göra');
    expect(text).not.toContain('Be en administratör');
  });

  it('keeps the coordinator’s intro', async () => {
    const { text } = await workspaceAs({
      name: 'Cora Samordnare',
      roles: { 'huddinge-kommun': 'coordinator' },
    });
    expect(text).toContain('Här håller du registret aktuellt');
    expect(text).toContain('Organisationer du kan ändra');
    expect(text).not.toContain('Det här kan du göra');
  });
});
