import type { Problem } from '../../domain/types';
import { buildNotice, checkNotice, plural } from './notices';

const p = (severity: Problem['severity']): Problem => ({
  sagsnr: 1,
  row: 2,
  column: null,
  severity,
  code: 'missing',
  message: 'm',
  sheet: 'Sagsoversigt',
  cell: 'A2',
});

describe('checkNotice: the result notice is coloured by what the check found', () => {
  it('errors → error intent, with singular and plural right', () => {
    const n = checkNotice(1, [p('error'), p('warning'), p('missing'), p('missing')]);
    expect(n.intent).toBe('error');
    expect(n.title).toBe('Kontrollen fandt fejl');
    expect(n.text).toBe('1 sag er kontrolleret: 1 fejl, 1 advarsel og 2 sager med manglende oplysninger.');
  });
  it('only warnings or missing data → warning', () => {
    expect(checkNotice(20, [p('missing')]).intent).toBe('warning');
    expect(checkNotice(20, [p('warning')]).text).toBe(
      '20 sager er kontrolleret: 0 fejl, 1 advarsel og 0 sager med manglende oplysninger.',
    );
  });
  it('nothing found → success', () => {
    expect(checkNotice(3, [])).toEqual({
      intent: 'success',
      title: 'Kontrollen er færdig',
      text: '3 sager er kontrolleret: 0 fejl, 0 advarsler og 0 sager med manglende oplysninger.',
    });
  });
  it('plural', () => {
    expect([plural(0, 'sag', 'sager'), plural(1, 'sag', 'sager'), plural(2, 'sag', 'sager')]).toEqual([
      '0 sager',
      '1 sag',
      '2 sager',
    ]);
  });
  it('thousands separator in the notice (20.000 sager)', () => {
    expect(checkNotice(20000, [p('warning'), p('warning')]).text).toBe(
      '20.000 sager er kontrolleret: 0 fejl, 2 advarsler og 0 sager med manglende oplysninger.',
    );
  });
});

describe('buildNotice: "Byg tabeller" is green only when the check found nothing', () => {
  it('errors → error intent, naming them', () => {
    const n = buildNotice(14, [p('error'), p('warning')]);
    expect(n.intent).toBe('error');
    expect(n.title).toBe('Tabellerne er bygget, men kontrollen fandt fejl');
    expect(n.text).toBe(
      '14 tabeller er skrevet i arkene Resultattabeller, Overblik og Notat. De bygger på sager med 1 fejl; ret dem under Kontrol, før tabellerne bruges.',
    );
  });
  it('warnings or missing data → warning; nothing → success', () => {
    expect(buildNotice(1, [p('missing')])).toMatchObject({
      intent: 'warning',
      text: '1 tabel er skrevet i arkene Resultattabeller, Overblik og Notat. Se 0 advarsler og 1 sag med manglende oplysninger under Kontrol.',
    });
    expect(buildNotice(14, [])).toEqual({
      intent: 'success',
      title: 'Tabellerne er bygget',
      text: '14 tabeller er skrevet i arkene Resultattabeller, Overblik og Notat.',
    });
  });
});
