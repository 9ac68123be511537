import { readCases } from './records';
import { snap } from './testing/snapshot';

// Regression (found by test/hardening/core.test.ts): a child's name or CPR number typed in the wrong
// column was quoted back in the cell's problem message, which the CLI prints and the pane lists.
describe('cell problems never quote a name or a CPR number typed in the wrong column', () => {
  const header = ['Sag nummer', 'Foranstaltning', 'Barnets cpr.nr.', 'Afgørelsesdato', 'Anket'];
  const messages = (rows: unknown[][], withName = false) => {
    const h = withName ? [...header, 'Barnets navn'] : header;
    const r = readCases(snap({ Sagsoversigt: [h, ...(rows as never[][])] }));
    if (!r.ok) throw new Error(r.error.message);
    return r.problems.filter((p) => p.severity === 'error').map((p) => p.message);
  };

  it.each([
    ['a name in a date column', [1, 'Familiebehandling', '010203-4118', 'Testbarn Ane', 'Nej']],
    ['a name in a Ja/Nej column', [1, 'Familiebehandling', '010203-4118', '01-03-2021', 'Ane Testesen']],
    ['a name as the measure', [1, 'Ane Testesen', '010203-4118', '01-03-2021', 'Nej']],
    ['a CPR number as a number cell (leading zero lost)', [1, 701044996, '010203-4118', '01-03-2021', 'Nej']],
    ['a CPR number as text', [1, 'Familiebehandling', '010203-4118', '070104-4996', 'Nej']],
    ['a CPR number with spaces', [1, 'Familiebehandling', '010203-4118', '01-03-2021', '070104 4996']],
  ])('%s', (_what, row) => {
    const ms = messages([row]);
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatch(/^Sagsoversigt![A-E]2 \(.+\): Værdien er ikke /);
    expect(ms[0]).not.toMatch(/Ane|Testbarn|701044996|0701044996|070104/);
  });

  it('still quotes a wrong date or number, which holds no letters', () => {
    expect(messages([[1, 'Familiebehandling', '010203-4118', '31-02-2021', 'Nej']])).toEqual([
      'Sagsoversigt!D2 (Afgørelsesdato): "31-02-2021" er ikke en gyldig dato. Skriv datoen som dd-mm-åååå.',
    ]);
    expect(messages([[1, 'Familiebehandling', '010203-4118', '01-03-2021', 2]])[0]).toContain(
      '"2" er ikke Ja eller Nej',
    );
  });
});
