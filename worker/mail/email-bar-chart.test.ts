import { describe, expect, it } from 'vitest';
import { barChartHtml, barChartText } from './email-bar-chart.ts';

const BARS = [
  { label: 'lundi 16', share: 0.5, value: '20 (18 vus)' },
  { label: 'mardi 17', share: 1, value: '40 (38 vus)' },
  { label: 'mercredi 18', share: 0.004, value: '1 (1 vus)' },
  { label: 'jeudi 19', share: 0, value: '0 (0 vus)' },
];

describe('a bar chart made for e-mail clients', () => {
  it('should draw each bar as a table as wide as its share, coloured by bgcolor, its figures beside it', () => {
    const html = barChartHtml(BARS);
    expect(html.match(/<table role="presentation" width="(\d+)%"/g)).toEqual([
      '<table role="presentation" width="100%"',
      '<table role="presentation" width="50%"',
      '<table role="presentation" width="100%"',
      // A day with one patient keeps a sliver; a day without any has no bar at all.
      '<table role="presentation" width="1%"',
    ]);
    expect(html.match(/bgcolor="#2f81f7"/g)).toHaveLength(3);
    expect(html).toContain('>20 (18 vus)</td></tr>');
    expect(html).toContain('>0 (0 vus)</td></tr>');
    expect(html).not.toMatch(/<img|<svg|class=/);
  });

  it('should write the same bars in the plain-text part, labels aligned', () => {
    expect(barChartText(BARS)).toEqual([
      `lundi 16    ${'█'.repeat(10)} 20 (18 vus)`,
      `mardi 17    ${'█'.repeat(20)} 40 (38 vus)`,
      'mercredi 18 █ 1 (1 vus)',
      'jeudi 19    0 (0 vus)',
    ]);
  });

  it('should escape the labels and figures', () => {
    expect(barChartHtml([{ label: '<b>', share: 1, value: '&' }])).toContain('>&#60;b&#62;</td>');
  });
});
