import { describe, expect, it } from 'vitest';
import { escapeHtml, renderEmail, type EmailContent } from './email-layout.ts';

const CONTENT: EmailContent = {
  locale: 'fr',
  subject: 'Cabinet <Nour> — votre semaine',
  heading: 'Cabinet <Nour>',
  intro: 'Votre semaine du 16 au 22 novembre.',
  sections: [
    { title: 'Patients', lines: [{ label: 'Vus', value: '42', note: '+5 % sur la semaine' }, { label: 'Absents', value: '3', note: null }] },
    { title: 'Cabinets à risque', lines: [], empty: 'Aucun cabinet à risque' },
    { lines: [] },
  ],
  links: [
    { label: "Ouvrir l'historique", url: 'https://pulse.tn/history?a=1&b=2' },
    { label: 'Ne plus recevoir ce résumé', url: 'https://pulse.tn/settings', quiet: true },
  ],
};

describe('the one look of every e-mail', () => {
  it('should escape what reaches HTML: a clinic named with brackets or quotes stays text', () => {
    expect(escapeHtml(`<b>"Nour" & 'Amel'</b>`)).toBe('&#60;b&#62;&#34;Nour&#34; &#38; &#39;Amel&#39;&#60;/b&#62;');
  });

  it('should write the plain-text part line by line: heading, intro, titled sections, notes in brackets, links', () => {
    expect(renderEmail(CONTENT).text).toBe(
      [
        'Cabinet <Nour>',
        'Votre semaine du 16 au 22 novembre.',
        '',
        'PATIENTS',
        'Vus : 42 (+5 % sur la semaine)',
        'Absents : 3',
        '',
        'CABINETS À RISQUE',
        'Aucun cabinet à risque',
        '',
        '',
        "Ouvrir l'historique : https://pulse.tn/history?a=1&b=2",
        'Ne plus recevoir ce résumé : https://pulse.tn/settings',
        '',
      ].join('\n'),
    );
  });

  it('should keep the subject as given, and make an HTML part in the reader’s language, escaped, light and dark', () => {
    const { subject, html } = renderEmail(CONTENT);
    expect(subject).toBe('Cabinet <Nour> — votre semaine');
    expect(html.startsWith('<!doctype html><html lang="fr">')).toBe(true);
    expect(html).toContain('<title>Cabinet &#60;Nour&#62; — votre semaine</title>');
    expect(html).toContain('<h1 style="font-size:20px;margin:0 0 4px">Cabinet &#60;Nour&#62;</h1>');
    expect(html).not.toContain('<Nour>');
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
  });

  it('should render lines as a table with their notes, an empty section by what it says, and links plain or quiet', () => {
    const { html } = renderEmail(CONTENT);
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html).toContain('>42<br><span style="font-weight:400;font-size:13px;opacity:.75">+5 % sur la semaine</span></td></tr>');
    expect(html).toContain('>3</td></tr>');
    expect(html).toContain('<p style="margin:4px 0;opacity:.75">Aucun cabinet à risque</p>');
    expect(html).toContain('<a href="https://pulse.tn/history?a=1&#38;b=2" style="color:#0969da">Ouvrir l&#39;historique</a>');
    expect(html).toContain('<p style="margin:0;font-size:13px;opacity:.75"><a href="https://pulse.tn/settings" style="color:inherit">Ne plus recevoir ce résumé</a></p>');
  });

  it('should lead with the sentence that matters most, then draw a chart and short paragraphs before a section’s lines', () => {
    const led = renderEmail({
      ...CONTENT,
      lead: 'Mardi, 58 patients : +41 %.',
      sections: [{ title: 'Semaine', chart: [{ label: 'mardi 17', share: 1, value: '58' }], items: ['17 novembre — Médecin <remplaçant>'], lines: [] }],
      links: [],
    });
    expect(led.text).toBe(['Cabinet <Nour>', 'Mardi, 58 patients : +41 %.', 'Votre semaine du 16 au 22 novembre.', '', 'SEMAINE', `mardi 17 ${'█'.repeat(20)} 58`, '17 novembre — Médecin <remplaçant>', '', ''].join('\n'));
    expect(led.html).toContain('</h1><p style="margin:8px 0;font-size:17px;font-weight:600">Mardi, 58 patients : +41 %.</p><p style="margin:0 0 16px">Votre semaine');
    expect(led.html).toContain('<p style="margin:4px 0">17 novembre — Médecin &#60;remplaçant&#62;</p>');
    expect(led.html.indexOf('bgcolor')).toBeLessThan(led.html.indexOf('Médecin'));
  });

  it('should take the language of an English reader', () => {
    expect(renderEmail({ ...CONTENT, locale: 'en' }).html.startsWith('<!doctype html><html lang="en">')).toBe(true);
  });
});
