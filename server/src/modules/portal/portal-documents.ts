/**
 * "My documents" (issue 6 §5): the contract, the personal plan (PIP, PAIN-06), the certificates
 * issued and the letters sent, each as a PDF in Dutch (the official text) with a first page that
 * sums it up in the newcomer's portal language. A document id names its kind and its row; the row
 * must be the signed-in person's, or the document is "not found".
 */
import { sql } from 'drizzle-orm';
import { queryRows, withTenant, type Tx } from '../../platform/db/database';
import { notFound } from '../../platform/errors';
import { hasLetter, renderLetterIn, type LetterPart, type LetterTemplate, type LetterValues } from '../../platform/letters';
import { formatDate, renderCertificatePdf, type CertificateDocument } from '../../platform/pdf/certificate-pdf';
import { translate } from '../../platform/i18n/i18n';
import { recordAudit, scopeOf } from '../access';
import { courseLetterParts, testLetterParts } from '../orientation';
import { personIdentity, type PersonIdentity } from '../persons';
import { belgianDate } from '../trajectory';
import { contractRuleSet } from '../trajectory/dossier/evaluate';
import type { DossierState } from '../trajectory/dossier/state';
import { moRequiredHours, participationRequired } from '../trajectory/rules/pillars';
import { findDossiersOfPerson } from '../trajectory/trajectory.queries';
import { clientProfiles } from '../trajectory/trajectory.service';
import type { PortalContext } from './portal-identity';
import { renderDutchDocument, summaryLanguage, withSummaryPage, type DutchDocument } from './portal-pdf';
import { planningFacts, type PortalDataDeps } from './portal-trajectory';
import { trajectoryView } from './rules/trajectory-view';

type DocumentKind = 'contract' | 'personal-plan' | 'certificate' | 'letter';
const nl = (id: string, values?: Record<string, string | number>) => translate('nl', id, values);
const date = (value: string) => formatDate(value, 'nl');

interface DocumentEntry {
  id: string;
  kind: DocumentKind;
  title: string;
  issuedOn: string;
}

async function documentsOf(tx: Tx, personId: string): Promise<DocumentEntry[]> {
  const entries: DocumentEntry[] = [];
  for (const dossier of await findDossiersOfPerson(tx, personId)) {
    const { contract } = dossier.state;
    if (!contract) continue;
    entries.push({ id: `contract-${dossier.id}`, kind: 'contract', title: nl('portal.pdf.contract.title'), issuedOn: contract.signedOn });
    entries.push({ id: `personal-plan-${dossier.id}`, kind: 'personal-plan', title: nl('portal.pdf.plan.title'), issuedOn: dossier.state.pip?.updatedOn ?? contract.signedOn });
  }
  const rows = await queryRows<{ id: string; kind: string; detail: string; issued_on: string }>(
    tx,
    sql`select id, 'certificate' as kind, kind as detail, to_char(issued_on, 'YYYY-MM-DD') as issued_on from certificates where person_id = ${personId}
      union all
      select e.id, 'mo-course-letter', c.code, to_char(e.enrolled_on, 'YYYY-MM-DD') from mo_enrolments e join mo_courses c on c.id = e.course_id
        where e.person_id = ${personId}
      union all
      select id, 'mo-test-letter', kind, to_char(created_at at time zone 'Europe/Brussels', 'YYYY-MM-DD') from test_bookings
        where person_id = ${personId} and status <> 'cancelled'`,
  );
  for (const r of rows) {
    if (r.kind === 'certificate') entries.push({ id: `certificate-${r.id}`, kind: 'certificate', title: nl(`certificate.pdf.title.${r.detail}`), issuedOn: r.issued_on });
    else if (r.kind === 'mo-course-letter') entries.push({ id: `mo-course-letter-${r.id}`, kind: 'letter', title: nl('portal.document.mo-course-letter', { code: r.detail }), issuedOn: r.issued_on });
    else entries.push({ id: `mo-test-letter-${r.id}`, kind: 'letter', title: nl('portal.document.mo-test-letter', { kind: r.detail === 'exemption-test' ? 'exemption' : 'test' }), issuedOn: r.issued_on });
  }
  return entries.sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || a.id.localeCompare(b.id));
}

export async function myDocuments(deps: PortalDataDeps, ctx: PortalContext) {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const items = await documentsOf(tx, ctx.portal.personId);
    await recordAudit(tx, ctx, { action: 'read', subjectType: 'person', subjectId: ctx.portal.personId, summary: 'portal: my documents' });
    return { items };
  });
}

/** The summary in the newcomer's language, English where their script cannot be printed (portal-pdf.ts). */
function summaryOf(ctx: PortalContext, template: LetterTemplate, values: LetterValues): LetterPart | null {
  const language = summaryLanguage(ctx.portal.locale);
  if (!language) return null;
  return renderLetterIn(template, values, hasLetter(template, language) ? language : 'en');
}

export async function myDocumentPdf(deps: PortalDataDeps, ctx: PortalContext, documentId: string): Promise<{ filename: string; pdf: Uint8Array }> {
  const [, prefix, rowId] = /^(.+)-([0-9a-f-]{36})$/.exec(documentId) ?? [];
  const personId = ctx.portal.personId;
  const now = deps.clock();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const agency = (await queryRows<{ name: string }>(tx, sql`select name from organisations where id = ${ctx.actor.tenantId}`))[0]?.name ?? '';
    const made = async (pdf: Uint8Array) => {
      await recordAudit(tx, ctx, { action: 'export', subjectType: 'person', subjectId: personId, summary: `portal: document ${prefix} as PDF` });
      return { filename: `${documentId}.pdf`, pdf };
    };
    if (prefix === 'contract' || prefix === 'personal-plan') {
      const dossier = (await findDossiersOfPerson(tx, personId)).find((d) => d.id === rowId);
      if (!dossier?.state.contract) throw notFound('document');
      const person = (await personIdentity(tx, personId))!;
      if (prefix === 'contract') {
        const summary = summaryOf(ctx, 'portal-contract', { agency, signedOn: { day: dossier.state.contract.signedOn } });
        return made(await renderDutchDocument(contractDocument(dossier.state, person, agency, now), summary));
      }
      const view = trajectoryView(dossier.state, belgianDate(now), await planningFacts(tx, personId, now));
      const updatedOn = dossier.state.pip?.updatedOn ?? dossier.state.contract.signedOn;
      const summary = summaryOf(ctx, 'portal-personal-plan', { agency, date: { day: updatedOn } });
      return made(await renderDutchDocument(planDocument(dossier.state, view, person, agency, now), summary));
    }
    if (prefix === 'certificate') {
      const [row] = await queryRows<{ document: CertificateDocument }>(tx, sql`select document from certificates where id = ${rowId} and person_id = ${personId}`);
      if (!row) throw notFound('document');
      const doc = row.document;
      const summary = summaryOf(ctx, 'portal-certificate', { agency: doc.agencyName, kind: doc.kind, number: doc.number, issuedOn: { day: doc.issuedOn } });
      return made(await withSummaryPage(await renderCertificatePdf(doc, 'nl'), summary, doc.agencyName));
    }
    const letter = await ownLetter(tx, ctx, prefix, rowId!);
    if (!letter) throw notFound('document');
    const summary = summaryOf(ctx, 'portal-letter', { agency, kind: prefix === 'mo-test-letter' ? 'test' : 'course' });
    return made(
      await renderDutchDocument(
        { agencyName: agency, title: letter.subject, datedOn: belgianDate(now), intro: letter.body, rows: [], sections: [], footer: nl('portal.pdf.footer', { agency, date: date(belgianDate(now)) }) },
        summary,
      ),
    );
  });
}

/** The Dutch letter of one of the person's own enrolments or test bookings, as the planners send it. */
async function ownLetter(tx: Tx, ctx: PortalContext, prefix: string | undefined, rowId: string): Promise<LetterPart | null> {
  if (prefix === 'mo-course-letter') {
    const [enrolment] = await queryRows<{ course_id: string }>(tx, sql`select course_id from mo_enrolments where id = ${rowId} and person_id = ${ctx.portal.personId}`);
    return enrolment ? ((await courseLetterParts(tx, ctx.actor.tenantId, enrolment.course_id, rowId, []))?.[0] ?? null) : null;
  }
  if (prefix === 'mo-test-letter') {
    const [booking] = await queryRows(tx, sql`select 1 from test_bookings where id = ${rowId} and person_id = ${ctx.portal.personId} and status <> 'cancelled'`);
    return booking ? ((await testLetterParts(tx, ctx.actor.tenantId, rowId, []))?.[0] ?? null) : null;
  }
  return null;
}

function personRows(person: PersonIdentity): Array<[string, string]> {
  const rows: Array<[string, string]> = [[nl('certificate.pdf.label.name'), `${person.givenNames} ${person.familyName}`]];
  const latin = `${person.givenNamesLatin} ${person.familyNameLatin}`;
  if (latin !== rows[0]![1]) rows.push([nl('certificate.pdf.label.name-latin'), latin]);
  if (person.birthDate) rows.push([nl('certificate.pdf.label.birth-date'), date(person.birthDate)]);
  if (person.inszFormatted) rows.push([nl('certificate.pdf.label.insz'), person.inszFormatted]);
  return rows;
}

/**
 * The contract as recorded: who, when, under which rule set, and what the four parts ask under
 * that rule set: the MO course hours of the profile, A2 and the standardised test
 * (FL-NT-01, R-13), registration with the employment service, participation hours.
 */
function contractDocument(state: DossierState, person: PersonIdentity, agency: string, now: Date): DutchDocument {
  const contract = state.contract!;
  const rules = contractRuleSet(state);
  const profile = clientProfiles().find((p) => p.id === state.decision?.profileId);
  const parts = [
    nl('portal.pdf.contract.part.mo', { hours: moRequiredHours(state.decision?.moProfile, rules), test: rules.mo.completion === 'test' ? 'yes' : 'no' }),
    nl('portal.pdf.contract.part.nt2', { level: rules.nt2.targetLevel, standardised: rules.nt2.standardisedTestSkills.length > 0 ? 'yes' : 'no' }),
    rules.work.registrationRequired && state.situation.allowedToWork
      ? nl('portal.pdf.contract.part.work', { service: rules.work.employmentService, days: rules.work.registrationDeadlineDays ?? 0 })
      : nl('portal.pdf.contract.part.work-none'),
  ];
  if (rules.participation.inForce) {
    const required = participationRequired({ obligated: contract.obligated, working: state.situation.working, studying: state.situation.studying }, rules);
    parts.push(nl('portal.pdf.contract.part.participation', { hours: rules.participation.minHours, required: required ? 'yes' : 'no' }));
  }
  return {
    agencyName: agency,
    title: nl('portal.pdf.contract.title'),
    datedOn: contract.signedOn,
    intro: nl('portal.pdf.contract.intro', { agency }),
    rows: [
      ...personRows(person),
      ...(state.decision ? [[nl('portal.pdf.label.target-group'), nl(`portal.pdf.target-group.${state.decision.targetGroup}`)] as [string, string]] : []),
      ...(profile ? [[nl('portal.pdf.label.profile'), profile.labels.nl] as [string, string]] : []),
      [nl('certificate.pdf.label.contract-signed-on'), date(contract.signedOn)],
      [nl('portal.pdf.label.rule-set'), contract.ruleSetId],
    ],
    sections: [{ heading: nl('portal.pdf.contract.parts'), lines: parts }],
    footer: nl('portal.pdf.footer', { agency, date: date(belgianDate(now)) }),
  };
}

/**
 * The personal plan (PIP, ENT-07; PAIN-06: shared in the portal): the goals and agreed steps of the
 * plan (the intake's goals until a plan is recorded), where the person stands in each pillar and
 * what comes next, as the portal's trajectory view shows them.
 */
function planDocument(state: DossierState, view: ReturnType<typeof trajectoryView>, person: PersonIdentity, agency: string, now: Date): DutchDocument {
  const goals = state.pip?.goals ?? state.intake?.goals ?? [];
  const profile = clientProfiles().find((p) => p.id === state.decision?.profileId);
  return {
    agencyName: agency,
    title: nl('portal.pdf.plan.title'),
    datedOn: state.pip?.updatedOn ?? state.contract!.signedOn,
    intro: nl('portal.pdf.plan.intro'),
    rows: [
      ...personRows(person),
      ...(profile ? [[nl('portal.pdf.label.profile'), profile.labels.nl] as [string, string]] : []),
      [nl('portal.pdf.label.updated-on'), date(state.pip?.updatedOn ?? state.contract!.signedOn)],
    ],
    sections: [
      { heading: nl('portal.pdf.plan.goals'), lines: goals.length ? goals.map((g) => `• ${g}`) : [nl('portal.pdf.plan.no-goals')] },
      ...(state.pip?.steps.length
        ? [
            {
              heading: nl('portal.pdf.plan.steps'),
              lines: state.pip.steps.map((s) => nl('portal.pdf.plan.step', { description: s.description, due: s.dueOn ? date(s.dueOn) : 'none', done: s.done ? 'yes' : 'no' })),
            },
          ]
        : []),
      {
        heading: nl('portal.pdf.plan.where'),
        lines: view.pillars.map((p) =>
          nl('portal.pdf.plan.pillar', {
            pillar: nl(`certificate.pdf.pillar.${p.pillar}`),
            state: nl(`portal.pdf.pillar-state.${p.state}`),
            progress: p.progress ? `${p.progress.done}/${p.progress.required}` : 'none',
          }),
        ),
      },
      {
        heading: nl('portal.pdf.plan.next'),
        lines: view.nextSteps.length
          ? view.nextSteps.map((s) => nl('portal.pdf.plan.next-step', { step: nl(`portal.pdf.step.${s.code}`), due: s.dueDate ? date(s.dueDate) : 'none' }))
          : [nl('portal.pdf.plan.no-next')],
      },
    ],
    footer: nl('portal.pdf.footer', { agency, date: date(belgianDate(now)) }),
  };
}
