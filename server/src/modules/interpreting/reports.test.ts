import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../platform/i18n/i18n';
import { billingCsv, buildBilling, euro } from './billing';
import { invoicesPdf } from './billing-pdf';
import { assertIdentities, buildTable, emptyCounts, FiguresIdentityError } from './figures';
import { backoffMinutes, renderMessage } from './outbox';
import { completedCharge, lateCancellationCharge } from './rules/stv';

describe('figures identities (§6)', () => {
  it('accepts a table that adds up and throws on one that does not', () => {
    const ok = { ...emptyCounts(), requests: 10, answered: 6, completed: 4, notCompleted: 2, cancelledOnTime: 1, cancelledLate: 1, notAnswered: 3, interpreterOrLanguageUnavailable: 2, otherReason: 1, inProgress: 1 };
    expect(() => assertIdentities(ok, 'test')).not.toThrow();
    expect(() => assertIdentities({ ...ok, requests: 11 }, 'test')).toThrow(FiguresIdentityError);
    expect(() => assertIdentities({ ...ok, completed: 5 }, 'test')).toThrow(/answered = completed \+ notCompleted/);
    expect(() => assertIdentities({ ...ok, otherReason: 0 }, 'test')).toThrow(/notAnswered/);
  });

  it('figure 49 of 2023 satisfies the identities', () => {
    // The published totals: 78,272 requests; 62,995 answered (50,295 + 12,700); 15,205 not answered (14,009 + 1,196); 72 in progress.
    const total = { ...emptyCounts(), requests: 78_272, answered: 62_995, completed: 50_295, notCompleted: 12_700, cancelledOnTime: 12_000, cancelledLate: 700, notAnswered: 15_205, interpreterOrLanguageUnavailable: 14_009, otherReason: 1_196, inProgress: 72 };
    expect(() => assertIdentities(total, 'figure 49')).not.toThrow();
  });

  it('builds the table from recorded requests and refuses inconsistent records', () => {
    const row = (status: string, outcome: string | null, n: number, channel = 'phone') => ({ channel, language: 'ar', sector: 'health', month: '2025-02', status, outcome, n });
    const table = buildTable(2025, [row('completed', null, 5), row('not-completed', 'cancelled-late', 2), row('not-answered', 'language-unavailable', 1, 'video'), row('assigned', null, 3), row('open', null, 1)]);
    expect(table.byChannel.total).toMatchObject({ requests: 12, answered: 7, notAnswered: 1, inProgress: 4 });
    expect(table.byChannel['on-site'].requests).toBe(0);
    // A not-completed request without its cancellation timing breaks "not completed = on time + late".
    expect(() => buildTable(2025, [row('not-completed', null, 1)])).toThrow(FiguresIdentityError);
  });
});

describe('billing (§4)', () => {
  it('formats euro with a decimal comma', () => {
    expect([euro(0), euro(5), euro(800), euro(123456), euro(-396)]).toEqual(['0,00', '0,05', '8,00', '1234,56', '-3,96']);
  });

  it('checks that lines add up to the stored charge, and quotes and neutralises CSV text', () => {
    const base = { request_id: '00000000-0000-4000-8000-0000000000aa', interpreter_id: '00000000-0000-4000-8000-0000000000bb', interpreter_name: '=Tolk; "A"', day: '2023-10-03', actual_minutes: 60, waiting_minutes: 0, travel_km: 0, organisation_id: '00000000-0000-4000-8000-0000000000cc', organisation_code: 'org', organisation_name: 'Org', channel: 'phone', language: 'uk' };
    const funded = completedCharge({ date: '2023-10-03', channel: 'phone', actualMinutes: 60, travelKm: 0, ukraineCrisis: true });
    const late = lateCancellationCharge({ date: '2023-10-03', travelKm: 0, ukraineCrisis: false });
    const billing = buildBilling('2023-10', [
      { ...base, assignment_id: '00000000-0000-4000-8000-000000000001', status: 'completed', charge: funded },
      { ...base, assignment_id: '00000000-0000-4000-8000-000000000002', status: 'cancelled', charge: late },
    ]);
    expect(billing.invoices[0]).toMatchObject({ totalCents: 800, grossCents: 1600, fundedCents: 800 });
    const csv = billingCsv(billing);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`;"'=Tolk; ""A""";`);
    expect(() => buildBilling('2023-10', [{ ...base, assignment_id: '00000000-0000-4000-8000-000000000003', status: 'completed', charge: { ...late, customerCents: 1 } }])).toThrow(/do not add up/);
  });

  it('renders a PDF, also for a month without services', async () => {
    const pdf = await invoicesPdf([], 'en', new Date('2023-11-01T00:00:00Z'));
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('has every text in both catalogues', () => {
    for (const id of ['header', 'invoice.title', 'statement.title', 'line.first-hour', 'line.quarters', 'line.transport', 'line.late-cancellation', 'line.interpreter-fee', 'channel.on-site', 'channel.phone', 'channel.video', 'channel.translation', 'total', 'funded', 'gross']) {
      expect(hasMessage(`interpreting.billing.${id}`), id).toBe(true);
    }
    for (const kind of ['offer', 'accepted', 'cancelled']) {
      expect(hasMessage(`interpreting.${kind}.mail.subject`) && hasMessage(`interpreting.${kind}.mail.body`)).toBe(true);
    }
  });
});

describe('outbox (§5c)', () => {
  it('backs off 1, 2, 4 … minutes up to six hours', () => {
    expect([1, 2, 3, 4, 10, 30].map(backoffMinutes)).toEqual([1, 2, 4, 8, 360, 360]);
  });

  it('renders the interpreting messages from the catalogue and sends other rows as written', () => {
    const offer = renderMessage({ recipient: 'a@b.be', subject: 'interpreting.offer', body: JSON.stringify({ subject: 'x', language: 'ar', startsAt: '2024-10-07T09:00:00.000Z' }), calendar: null }, 'en');
    expect(offer.subject).toBe('New interpreting assignment offered: AR');
    expect(offer.text).toContain('11:00');
    expect(renderMessage({ recipient: 'a@b.be', subject: 'Hallo', body: 'Tekst', calendar: 'BEGIN:VCALENDAR' })).toEqual({ to: 'a@b.be', subject: 'Hallo', text: 'Tekst', calendar: 'BEGIN:VCALENDAR' });
  });
});
