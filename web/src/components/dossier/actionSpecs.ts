import { useLingui } from '@lingui/react/macro';
import { useLanguages, useSession } from '../../api/queries';
import { belgianToday, type DossierView } from '../../api/trajectory';
import {
  CHANGES,
  CLOSURE_REASONS,
  EDUCATION_LEVELS,
  EXEMPTION_REASONS,
  INFRINGEMENT_KINDS,
  LITERACY_LEVELS,
  PERIOD_KINDS,
  PROFILES,
  SUSPENSION_REASONS,
  TARGET_GROUPS,
  certificateKindLabel,
  changeLabel,
  closureReasonLabel,
  educationLabel,
  exemptionReasonLabel,
  infringementKindLabel,
  literacyLabel,
  periodKindLabel,
  profileLabel,
  suspensionReasonLabel,
  targetGroupLabel,
} from '../../trajectoryLabels';
import { formatDate } from '../../labels';
import type { FieldDef, Option, Section, Values } from './fields';

export interface ActionSpec {
  sections: Section[];
  /** Reshapes the body where the form and the API differ (e.g. PIP steps). */
  transform?: (body: Record<string, unknown>, values: Values) => Record<string, unknown>;
}

/** The form of each dossier action: its fields, in the words of the domain. */
export function useActionSpec(action: string, dossier: DossierView): ActionSpec {
  const { t, i18n } = useLingui();
  const languages = useLanguages(i18n.locale);
  const session = useSession();
  const today = belgianToday();
  const state = dossier.state;

  const opts = (values: readonly string[], label: (v: string) => string): Option[] => values.map((value) => ({ value, label: label(value) }));
  const choose = t`Kies…`;
  const date: FieldDef = {
    name: 'date',
    kind: 'date',
    label: t`Datum van registratie`,
    description: t`De dag waarop dit gebeurde of werd vastgesteld.`,
    required: true,
    initial: today,
  };
  /** The usual form: one section, the date of the event first. */
  const dated = (...fields: FieldDef[]): ActionSpec => ({ sections: [{ fields: [date, ...fields] }] });
  const levelOptions: Option[] = [
    { value: '0', label: t`0 — kan het niet` },
    { value: '1', label: t`1 — met hulp` },
    { value: '2', label: t`2 — zelfstandig` },
  ];
  const cefr: Option[] = [
    { value: '', label: t`Niet behaald` },
    ...['A1', 'A2', 'B1', 'B2', 'C1', 'C2'].map((v) => ({ value: v, label: v })),
  ];
  const infringementOptions = (statuses: string[]): Option[] =>
    state.infringements
      .filter((i) => statuses.includes(i.status))
      .map((i) => ({ value: i.id, label: `${infringementKindLabel(i18n, i.kind)} — ${formatDate(i18n.locale, i.detectedOn)}` }));
  const infringementField = (statuses: string[]): FieldDef => {
    const options = infringementOptions(statuses);
    return { name: 'infringementId', kind: 'select', label: t`Inbreuk`, required: true, options, initial: options[0]?.value ?? '' };
  };
  const languageOptions: Option[] = (languages.data ?? []).map((l) => ({ value: l.code, label: l.name }));

  switch (action) {
    case 'record-intake':
      return {
        sections: [
          {
            fields: [
              date,
              {
                name: 'language',
                kind: languageOptions.length > 0 ? 'select' : 'text',
                label: t`Taal van het gesprek`,
                description: t`De moedertaal of een contacttaal.`,
                required: true,
                options: languageOptions,
                placeholderOption: choose,
              },
              { name: 'interpreterUsed', kind: 'boolean', label: t`Met een sociaal tolk` },
              {
                name: 'mode',
                kind: 'select',
                label: t`Vorm van het gesprek`,
                required: true,
                initial: 'physical',
                options: [
                  { value: 'physical', label: t`Fysiek` },
                  { value: 'digital', label: t`Digitaal` },
                  { value: 'group', label: t`In groep` },
                ],
              },
            ],
          },
          {
            legend: t`Opleiding en werk`,
            fields: [
              { name: 'education.level', kind: 'select', label: t`Opleidingsniveau`, required: true, options: opts(EDUCATION_LEVELS, (v) => educationLabel(i18n, v)), placeholderOption: choose },
              { name: 'education.diplomaAbroad', kind: 'boolean', label: t`Diploma behaald in het buitenland` },
              { name: 'education.description', kind: 'text', label: t`Omschrijving van de opleiding` },
              { name: 'workHistory', kind: 'textarea', label: t`Werkervaring` },
              { name: 'working', kind: 'boolean', label: t`Werkt nu` },
              { name: 'studying', kind: 'boolean', label: t`Studeert nu` },
              { name: 'allowedToWork', kind: 'boolean', label: t`Mag werken in België`, initial: true },
              { name: 'literacy', kind: 'select', label: t`Geletterdheid`, required: true, options: opts(LITERACY_LEVELS, (v) => literacyLabel(i18n, v)), placeholderOption: choose },
            ],
          },
          {
            legend: t`Screening digitale vaardigheden`,
            fields: [
              { name: 'digitalSkills.hasDevice', kind: 'boolean', label: t`Heeft een smartphone, tablet of computer` },
              { name: 'digitalSkills.hasInternet', kind: 'boolean', label: t`Heeft thuis internet` },
              { name: 'digitalSkills.answers.smartphone', kind: 'select', numeric: true, label: t`Een smartphone gebruiken`, required: true, options: levelOptions, initial: '0' },
              { name: 'digitalSkills.answers.email', kind: 'select', numeric: true, label: t`E-mail lezen en versturen`, required: true, options: levelOptions, initial: '0' },
              { name: 'digitalSkills.answers.onlineForms', kind: 'select', numeric: true, label: t`Een formulier online invullen`, required: true, options: levelOptions, initial: '0' },
              { name: 'digitalSkills.answers.videoCall', kind: 'select', numeric: true, label: t`Videobellen`, required: true, options: levelOptions, initial: '0' },
            ],
          },
          {
            legend: t`Gezin`,
            fields: [
              { name: 'family.partner', kind: 'boolean', label: t`Heeft een partner` },
              { name: 'family.children', kind: 'number', label: t`Aantal kinderen`, required: true, min: 0, max: 30, initial: '0' },
              { name: 'family.childcareNeeded', kind: 'boolean', label: t`Heeft kinderopvang nodig` },
              { name: 'goals', kind: 'lines', label: t`Doelen van de persoon`, description: t`Eén doel per regel.` },
            ],
          },
          {
            legend: t`Gegevens voor de doelgroep`,
            fields: [
              { name: 'targetGroupFacts.firstInscriptionDate', kind: 'date', label: t`Datum van eerste inschrijving in het register` },
              {
                name: 'targetGroupFacts.register',
                kind: 'select',
                label: t`Register`,
                placeholderOption: t`Onbekend`,
                options: [
                  { value: 'population', label: t`Bevolkingsregister` },
                  { value: 'foreigners', label: t`Vreemdelingenregister` },
                  { value: 'waiting', label: t`Wachtregister` },
                  { value: 'none', label: t`Niet ingeschreven` },
                ],
              },
              {
                name: 'targetGroupFacts.nationality',
                kind: 'select',
                label: t`Nationaliteit`,
                placeholderOption: t`Onbekend`,
                options: [
                  { value: 'belgian', label: t`Belg` },
                  { value: 'eu', label: t`Burger van de Europese Unie` },
                  { value: 'non-eu', label: t`Niet uit de Europese Unie` },
                ],
              },
              {
                name: 'targetGroupFacts.residence',
                kind: 'select',
                label: t`Verblijfsstatuut`,
                placeholderOption: t`Onbekend`,
                options: [
                  { value: 'asylum-seeker', label: t`Verzoeker om internationale bescherming` },
                  { value: 'temporary-protection', label: t`Tijdelijke bescherming` },
                  { value: 'short-stay', label: t`Kort verblijf (tot drie maanden)` },
                  { value: 'residence-over-3-months', label: t`Verblijf van meer dan drie maanden` },
                  { value: 'other-legal-stay', label: t`Ander wettig verblijf` },
                  { value: 'no-legal-stay', label: t`Geen wettig verblijf` },
                  { value: 'diplomat', label: t`Diplomaat` },
                ],
              },
              { name: 'targetGroupFacts.firstResidenceTitle', kind: 'tristate', label: t`Eerste verblijfstitel van meer dan drie maanden` },
              { name: 'targetGroupFacts.bornAbroad', kind: 'tristate', label: t`Geboren in het buitenland` },
              { name: 'targetGroupFacts.parentBornAbroad', kind: 'tristate', label: t`Minstens één ouder geboren in het buitenland` },
              { name: 'targetGroupFacts.ministerOfReligion', kind: 'tristate', label: t`Bedienaar van een erkende eredienst` },
              { name: 'targetGroupFacts.permanentlyUnable', kind: 'tristate', label: t`Blijvend niet in staat om een traject te volgen` },
              { name: 'targetGroupFacts.compulsorySchoolingCompleted', kind: 'tristate', label: t`Leerplicht voltooid` },
              { name: 'targetGroupFacts.priorLegalStayYears', kind: 'number', label: t`Jaren eerder wettig verblijf`, min: 0, max: 100, step: 0.5 },
              ...(state.area === 'brussels'
                ? [{ name: 'targetGroupFacts.brusselsExemption', kind: 'tristate', label: t`Brussel: vrijgesteld` } satisfies FieldDef]
                : []),
            ],
          },
        ],
      };
    case 'decide-intake': {
      const proposal = state.intake?.targetGroupProposal.group ?? '';
      const profiles = PROFILES.includes(state.intake?.proposedProfileId ?? '') ? PROFILES : [...PROFILES, state.intake?.proposedProfileId ?? ''].filter(Boolean);
      return dated(
        { name: 'targetGroup', kind: 'select', label: t`Doelgroep`, required: true, initial: proposal, options: opts(TARGET_GROUPS, (v) => targetGroupLabel(i18n, v)) },
        {
          name: 'overrideReason',
          kind: 'textarea',
          label: t`Reden om af te wijken van het voorstel`,
          required: true,
          visible: (v) => v.targetGroup !== proposal,
        },
        { name: 'profileId', kind: 'select', label: t`Klantprofiel`, required: true, initial: state.intake?.proposedProfileId ?? '', options: opts(profiles, (v) => profileLabel(i18n, v)) },
        {
          name: 'brusselsTrack',
          kind: 'select',
          label: t`Traject in Brussel`,
          required: true,
          visible: () => state.area === 'brussels',
          placeholderOption: choose,
          options: [
            { value: 'dutch', label: t`Nederlandstalig` },
            { value: 'french', label: t`Franstalig` },
          ],
        },
      );
    }
    case 'sign-contract':
      return dated(
        { name: 'signedOn', kind: 'date', label: t`Datum van ondertekening`, description: t`Deze datum bepaalt welke regels gelden.`, required: true, initial: today },
        {
          name: 'participationAddendum',
          kind: 'boolean',
          label: t`Met addendum over het participatietraject (rechthebbenden)`,
          visible: () => state.decision?.targetGroup === 'rechthebbend',
        },
      );
    case 'update-pip':
      return {
        sections: [
          {
            fields: [
              date,
              { name: 'goals', kind: 'lines', label: t`Doelen`, description: t`Eén doel per regel.`, required: true, initial: state.pip?.goals.join('\n') ?? '' },
              {
                name: 'steps',
                kind: 'lines',
                label: t`Afgesproken stappen`,
                description: t`Eén stap per regel.`,
                initial: state.pip?.steps.map((s) => s.description).join('\n') ?? '',
              },
            ],
          },
        ],
        transform: (body) => ({
          ...body,
          steps: ((body.steps as string[] | undefined) ?? []).map((description) => {
            const existing = state.pip?.steps.find((s) => s.description === description);
            return { description, done: existing?.done ?? false, ...(existing?.dueOn ? { dueOn: existing.dueOn } : {}) };
          }),
        }),
      };
    case 'record-situation':
      return dated(
        { name: 'working', kind: 'boolean', label: t`Werkt`, initial: state.situation.working },
        { name: 'studying', kind: 'boolean', label: t`Studeert`, initial: state.situation.studying },
        { name: 'allowedToWork', kind: 'boolean', label: t`Mag werken in België`, initial: state.situation.allowedToWork },
      );
    case 'record-mo-course':
      return dated(
        { name: 'enrolledOn', kind: 'date', label: t`Ingeschreven op`, required: true },
        { name: 'attendedHours', kind: 'number', label: t`Gevolgde uren`, required: true, min: 0, max: 500, step: 0.5, initial: '0' },
        { name: 'regularParticipation', kind: 'tristate', label: t`Regelmatig deelgenomen` },
        { name: 'completedOn', kind: 'date', label: t`Cursus beëindigd op` },
      );
    case 'record-mo-test':
      return {
        sections: [
          {
            fields: [
              date,
              {
                name: 'kind',
                kind: 'select',
                label: t`Soort toets`,
                required: true,
                initial: 'test',
                options: [
                  { value: 'test', label: t`Toetsmoment na de cursus` },
                  { value: 'exemption-test', label: t`Vrijstellingstoets` },
                ],
              },
            ],
          },
          {
            legend: t`Kennisvragen`,
            fields: [
              { name: 'core.correct', kind: 'number', label: t`Juiste antwoorden (kennis)`, required: true, min: 0 },
              { name: 'core.total', kind: 'number', label: t`Aantal vragen (kennis)`, required: true, min: 1 },
            ],
          },
          {
            legend: t`Praktijkvragen`,
            fields: [
              { name: 'practical.correct', kind: 'number', label: t`Juiste antwoorden (praktijk)`, required: true, min: 0 },
              { name: 'practical.total', kind: 'number', label: t`Aantal vragen (praktijk)`, required: true, min: 1 },
            ],
          },
        ],
      };
    case 'record-mo-process-evaluation':
      return dated(
        { name: 'score.correct', kind: 'number', label: t`Behaalde punten`, required: true, min: 0 },
        { name: 'score.total', kind: 'number', label: t`Maximum aantal punten`, required: true, min: 1 },
      );
    case 'record-nt2-enrolment':
      return dated(
        { name: 'provider', kind: 'text', label: t`Cursusaanbieder`, description: t`Bijvoorbeeld een CVO of CBE.`, required: true },
        { name: 'regularParticipation', kind: 'tristate', label: t`Regelmatig deelgenomen` },
      );
    case 'record-nt2-result':
      return dated(
        { name: 'oral', kind: 'select', label: t`Niveau mondeling`, options: cefr, emptyAs: 'null' },
        { name: 'written', kind: 'select', label: t`Niveau schriftelijk`, options: cefr, emptyAs: 'null' },
      );
    case 'record-nt2-standardised-test':
      return dated(
        {
          name: 'passedSkills',
          kind: 'multi',
          label: t`Geslaagde vaardigheden op niveau A2`,
          options: [
            { value: 'reading', label: t`Lezen` },
            { value: 'writing', label: t`Schrijven` },
            { value: 'listening', label: t`Luisteren` },
            { value: 'speaking', label: t`Spreken` },
          ],
        },
      );
    case 'record-work-registration':
      return { sections: [{ fields: [date, { name: 'registeredOn', kind: 'date', label: t`Ingeschreven op`, required: true }] }] };
    case 'record-participation':
      return dated(
        { name: 'activity', kind: 'text', label: t`Activiteit`, required: true },
        { name: 'hours', kind: 'number', label: t`Aantal uren`, required: true, min: 0.5, max: 200, step: 0.5 },
      );
    case 'record-diploma-recognition-request':
      return { sections: [{ fields: [date, { name: 'note', kind: 'textarea', label: t`Opmerking` }] }] };
    case 'record-limited-learning-capacity':
      return { sections: [{ fields: [date, { name: 'basis', kind: 'textarea', label: t`Waarop steunt de vaststelling?`, required: true }] }] };
    case 'start-suspension':
      return dated(
        { name: 'kind', kind: 'select', label: t`Soort`, required: true, initial: 'suspension', options: opts(PERIOD_KINDS, (v) => periodKindLabel(i18n, v)) },
        { name: 'reason', kind: 'select', label: t`Reden`, required: true, placeholderOption: choose, options: opts(SUSPENSION_REASONS, (v) => suspensionReasonLabel(i18n, v)) },
        { name: 'proof', kind: 'text', label: t`Bewijsstuk`, description: t`Bijvoorbeeld een doktersattest.`, required: true },
        { name: 'proofReceivedOn', kind: 'date', label: t`Bewijsstuk ontvangen op`, required: true, initial: today },
        { name: 'from', kind: 'date', label: t`Van`, required: true },
        { name: 'to', kind: 'date', label: t`Tot en met`, required: true },
      );
    case 'end-suspension':
      return { sections: [{ fields: [{ ...date, label: t`Einddatum van de opschorting` }] }] };
    case 'grant-exemption':
      return dated(
        { name: 'reason', kind: 'select', label: t`Reden`, required: true, placeholderOption: choose, options: opts(EXEMPTION_REASONS, (v) => exemptionReasonLabel(i18n, v)) },
        { name: 'proof', kind: 'text', label: t`Bewijsstuk`, required: true },
      );
    case 'issue-certificate':
      return dated(
        {
          name: 'kind',
          kind: 'select',
          label: t`Soort attest`,
          required: true,
          initial: 'civic-integration',
          options: opts(['civic-integration', 'regular-participation', 'declaration-of-effort'], (v) => certificateKindLabel(i18n, v)),
        },
      );
    case 'close':
      return dated(
        {
          name: 'reason',
          kind: 'select',
          label: t`Reden`,
          required: true,
          placeholderOption: choose,
          options: opts(
            CLOSURE_REASONS.filter((r) => r !== 'certificate' && r !== 'exempted'),
            (v) => closureReasonLabel(i18n, v),
          ),
        },
        { name: 'note', kind: 'textarea', label: t`Toelichting`, required: (v) => v.reason === 'other' },
      );
    case 'record-change-of-circumstances':
      return dated(
        { name: 'change', kind: 'select', label: t`Wat is gewijzigd?`, required: true, placeholderOption: choose, options: opts(CHANGES, (v) => changeLabel(i18n, v)) },
        { name: 'note', kind: 'textarea', label: t`Toelichting` },
      );
    case 'record-infringement':
      return dated(
        { name: 'kind', kind: 'select', label: t`Soort inbreuk`, required: true, placeholderOption: choose, options: opts(INFRINGEMENT_KINDS, (v) => infringementKindLabel(i18n, v)) },
        { name: 'description', kind: 'textarea', label: t`Omschrijving`, required: true },
      );
    case 'send-notice-of-default':
      return { sections: [{ fields: [date, infringementField(['detected'])] }] };
    case 'record-compliance':
      return { sections: [{ fields: [date, infringementField(['detected', 'notice-sent']), { name: 'note', kind: 'textarea', label: t`Toelichting` }] }] };
    case 'hand-over-to-enforcement':
      return dated(
        infringementField(['notice-sent']),
        { name: 'evidence', kind: 'lines', label: t`Bewijsstukken`, description: t`Eén bewijsstuk per regel.`, required: true },
      );
    case 'assign-case-worker':
      return dated(
        {
          name: 'caseWorkerId',
          kind: 'select',
          label: t`Trajectbegeleider`,
          emptyAs: 'null',
          initial: session.data?.user?.id ?? '',
          options: [
            ...(session.data?.user ? [{ value: session.data.user.id, label: t`Ikzelf (${session.data.user.displayName})` }] : []),
            { value: '', label: t`Niemand` },
          ],
        },
      );
    default:
      return { sections: [{ fields: [date] }] };
  }
}
