/**
 * The certificates a decision issued, with the data their PDF prints: pure, so the service that
 * stores them and the demo population (server/src/modules/reporting/demo) build the same rows.
 */
import type { CertificateDocument } from '../../../platform/pdf/certificate-pdf';
import type { Decision } from './decide';
import { certificateOn } from './evaluate';
import type { DossierState } from './state';

export interface IssuedCertificateRecord {
  kind: CertificateDocument['kind'];
  number: string;
  issuedOn: string;
  ruleSetId: string;
  document: CertificateDocument;
}

const documentAsOf = (state: DossierState) => state.closure?.date ?? state.lastEventOn;

function completedPillars(state: DossierState, asOf: string): string[] {
  const pillars = certificateOn(state, asOf)?.pillars;
  if (!pillars) return [];
  return Object.entries(pillars)
    .filter(([, p]) => p.status === 'completed' || p.status === 'exempted')
    .map(([name]) => name);
}

/** One record per certificate in `decision.issued`, for the certificates register and the PDF. */
export function issuedCertificateRecords(decision: Decision, person: CertificateDocument['person'], agencyName: string): IssuedCertificateRecord[] {
  const state = decision.state;
  return decision.issued.map((issued) => {
    const period = state.periods.find((p) => p.certificateNumber === issued.number);
    const recorded = state.certificates.find((c) => c.number === issued.number);
    const document: CertificateDocument = {
      kind: issued.kind,
      number: issued.number,
      issuedOn: recorded?.issuedOn ?? state.lastEventOn,
      agencyName,
      person,
      contractSignedOn: state.contract?.signedOn ?? null,
      ruleSetId: recorded?.ruleSetId || state.contract?.ruleSetId || '',
      ...(period ? { period: { from: period.from, to: period.to }, reason: period.reason } : {}),
      ...(issued.kind === 'exemption' && state.exemption ? { reason: state.exemption.reason } : {}),
      ...(issued.kind === 'civic-integration' ? { pillarsCompleted: completedPillars(state, documentAsOf(state)) } : {}),
    };
    return { kind: issued.kind, number: issued.number, issuedOn: document.issuedOn, ruleSetId: document.ruleSetId || 'none', document };
  });
}
