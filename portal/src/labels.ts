import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { Purpose, Role } from '../../server/src/modules/access/roles';
import type {
  AppointmentKind,
  DocumentKind,
  DossierStatus,
  PillarId,
  PillarState,
  TaskKind,
  TaskStatus,
  TeamRole,
} from './api';
import type { IconName } from './components/Icon';

/**
 * The server sends codes; the portal words them, in short plain sentences, per language. Unknown
 * codes never show as codes: they get a general sentence (see `stepLabel`) or nothing (`pillarDetail`).
 */

export const PILLARS: Record<PillarId, { name: MessageDescriptor; official: MessageDescriptor; about: MessageDescriptor; icon: IconName }> = {
  mo: {
    name: msg`Leven in België`,
    official: msg`Maatschappelijke oriëntatie (MO)`,
    about: msg`Je leert hoe het leven in België werkt: wonen, werk, school en gezondheid.`,
    icon: 'book',
  },
  nt2: {
    name: msg`Nederlands leren`,
    official: msg`Nederlands als tweede taal (NT2)`,
    about: msg`Je leert Nederlands spreken, verstaan, lezen en schrijven.`,
    icon: 'chat',
  },
  work: {
    name: msg`Inschrijven voor werk`,
    official: msg`Werk: VDAB of Actiris`,
    about: msg`Je schrijft je in bij de dienst voor werk: VDAB in Vlaanderen, Actiris in Brussel.`,
    icon: 'briefcase',
  },
  participation: {
    name: msg`Meedoen`,
    official: msg`Participatie- en netwerktraject`,
    about: msg`Je doet mee aan activiteiten in je buurt, bijvoorbeeld vrijwilligerswerk of een club.`,
    icon: 'people',
  },
};

export const PILLAR_ORDER: readonly PillarId[] = ['mo', 'nt2', 'work', 'participation'];

export function isPillarId(value: string | null): value is PillarId {
  return value === 'mo' || value === 'nt2' || value === 'work' || value === 'participation';
}

export const PILLAR_STATES: Record<PillarState, { label: MessageDescriptor; icon: IconName; tone: 'todo' | 'busy' | 'done' | 'none' }> = {
  todo: { label: msg`Nog te doen`, icon: 'todo', tone: 'todo' },
  'in-progress': { label: msg`Bezig`, icon: 'clock', tone: 'busy' },
  done: { label: msg`Klaar`, icon: 'check', tone: 'done' },
  exempt: { label: msg`Vrijgesteld: je moet dit niet doen`, icon: 'minus', tone: 'none' },
  'not-required': { label: msg`Niet nodig voor jou`, icon: 'minus', tone: 'none' },
};

/** A code as the server may spell it (`mo.take-test`, `mo-test`, `Take_MO_Test`) in one form. */
function normalise(code: string): string {
  return code.trim().toLowerCase().replace(/[._\s]+/g, '-');
}

/**
 * What to do next, and what the certificate still needs: one short sentence per thing. `event`
 * steps are something that happens on a date (a course starts, a test day): their date is shown as
 * a date, never as "too late". The codes follow server/src/modules/portal/rules/trajectory-view.ts
 * (and the contract's examples); aliases below catch other spellings.
 */
const STEPS = {
  'mo-enrol': { text: msg`Schrijf je in voor de cursus over het leven in België.`, event: false },
  'mo-waiting-list': { text: msg`Je staat op de wachtlijst voor de cursus over het leven in België.`, event: true },
  'mo-attend': { text: msg`Ga naar alle lessen over het leven in België.`, event: false },
  'mo-test': { text: msg`Doe de test over het leven in België.`, event: true },
  'mo-process-evaluation': { text: msg`Je leerkracht moet nog zeggen hoe je hebt meegedaan.`, event: false },
  'mo-redo': { text: msg`Volg de cursus over het leven in België opnieuw.`, event: false },
  'nt2-enrol': { text: msg`Schrijf je in voor een cursus Nederlands.`, event: false },
  'nt2-course': { text: msg`Volg een cursus Nederlands.`, event: false },
  'nt2-conversation-to-plan': { text: msg`Je krijgt een uitnodiging voor een gesprek over Nederlands leren.`, event: true },
  'nt2-conversation': { text: msg`Kom naar je gesprek over Nederlands leren.`, event: true },
  'nt2-await-placement': { text: msg`Je wacht op een plaats in een cursus Nederlands.`, event: true },
  'nt2-start-course': { text: msg`Je cursus Nederlands begint.`, event: true },
  'nt2-a2': { text: msg`Leer Nederlands tot niveau A2.`, event: false },
  'nt2-a2-oral': { text: msg`Leer Nederlands spreken en verstaan tot niveau A2.`, event: false },
  'nt2-test': { text: msg`Doe de test Nederlands op niveau A2.`, event: false },
  'work-register': { text: msg`Schrijf je in bij VDAB (Vlaanderen) of Actiris (Brussel).`, event: false },
  'participation-hours': { text: msg`Doe mee aan een activiteit en toon je uren.`, event: false },
  'participation-choose': { text: msg`Kies een activiteit om aan mee te doen.`, event: false },
  'sign-contract': { text: msg`Onderteken je inburgeringscontract.`, event: false },
  intake: { text: msg`Kom naar je eerste gesprek.`, event: false },
  'diploma-recognition': { text: msg`Vraag of je diploma erkend kan worden.`, event: false },
  'suspension-ends': { text: msg`Je traject gaat weer verder.`, event: true },
  'comply-with-notice': { text: msg`Je kreeg een brief omdat je iets niet deed. Doe wat in de brief staat.`, event: false },
  'complete-trajectory': { text: msg`Maak je traject af.`, event: false },
  'certificate-ready': { text: msg`Je hebt alles voor je attest.`, event: false },
  'pay-fee': { text: msg`Betaal de kosten van je inburgering.`, event: false },
  'see-tasks': { text: msg`Kijk bij je taken.`, event: false },
} satisfies Record<string, { text: MessageDescriptor; event: boolean }>;

type StepKey = keyof typeof STEPS;

const STEP_ALIASES: Record<string, StepKey> = {
  'mo-enrol-course': 'mo-enrol',
  'enrol-mo-course': 'mo-enrol',
  'mo-course': 'mo-attend',
  'mo-attend-course': 'mo-attend',
  'attend-mo-course': 'mo-attend',
  'mo-take-test': 'mo-test',
  'take-mo-test': 'mo-test',
  'mo-redo-course': 'mo-redo',
  'nt2-enroll': 'nt2-enrol',
  'enrol-nt2-course': 'nt2-enrol',
  'nt2-reach-a2': 'nt2-a2',
  'nt2-reach-a2-oral': 'nt2-a2-oral',
  'nt2-standardised-test': 'nt2-test',
  'nt2-standardized-test': 'nt2-test',
  'work-registration': 'work-register',
  'register-employment-service': 'work-register',
  'upload-participation-proof': 'participation-hours',
  'choose-participation-activity': 'participation-choose',
  contract: 'sign-contract',
  pay: 'pay-fee',
};

function stepKey(code: string): StepKey | null {
  const key = normalise(code);
  if (key in STEPS) return key as StepKey;
  return STEP_ALIASES[key] ?? null;
}

/**
 * A next step or a missing certificate condition in words. An unknown code becomes a general
 * sentence that names the pillar when known, so the person still knows whom to ask.
 */
export function stepLabel(code: string, pillar: string | null): { text: MessageDescriptor; pillarName: MessageDescriptor | null; event: boolean } {
  const key = stepKey(code);
  const pillarId = isPillarId(pillar) ? pillar : pillarOfStep(code);
  const pillarName = pillarId ? PILLARS[pillarId].name : null;
  if (key) return { ...STEPS[key], pillarName };
  return {
    text: pillarName ? msg`Er is iets te doen voor dit onderdeel. Vraag je begeleider wat.` : msg`Er is iets te doen. Vraag je begeleider wat.`,
    pillarName,
    event: false,
  };
}

/** The pillar a step code belongs to, from its prefix (`mo…`, `nt2…`, `work…`, `participation…`). */
export function pillarOfStep(code: string): PillarId | null {
  const key = normalise(code);
  for (const pillar of PILLAR_ORDER) if (key.startsWith(`${pillar}-`) || key === pillar) return pillar;
  const step = stepKey(code);
  if (step === 'work-register') return 'work';
  if (step === 'participation-hours' || step === 'participation-choose') return 'participation';
  return null;
}

/**
 * Where the person stands in a pillar (the `detail` code). Several reuse a step's sentence. Codes
 * whose meaning the state already says (`exempt`, `not-in-contract`) have no sentence of their own.
 */
const DETAILS = {
  'after-contract': msg`Dit begint nadat je je contract hebt ondertekend.`,
  'waiting-for-course': msg`Je staat op de wachtlijst. Je krijgt bericht als er plaats is.`,
  'course-enrolled': msg`Je bent ingeschreven voor een cursus.`,
  'course-planned': msg`Je cursus is gepland. Kijk bij je afspraken.`,
  'course-in-progress': msg`Je volgt de cursus.`,
  'course-completed': msg`Je hebt de cursus gevolgd.`,
  'awaiting-process-evaluation': STEPS['mo-process-evaluation'].text,
  'test-to-book': msg`Je test wordt nog gepland.`,
  'test-planned': msg`Je test is gepland. Kijk bij je afspraken.`,
  'test-passed': msg`Je bent geslaagd voor de test.`,
  'test-failed': msg`Je bent niet geslaagd voor de test. Je volgt de cursus opnieuw.`,
  'exemption-test-passed': msg`Je bent geslaagd voor de test. Je hoeft de cursus niet te volgen.`,
  'conversation-to-plan': STEPS['nt2-conversation-to-plan'].text,
  'conversation-planned': msg`Je gesprek over Nederlands leren is gepland. Kijk bij je afspraken.`,
  'advice-given': msg`Je weet welke cursus Nederlands bij je past. Je wacht op een plaats.`,
  'standardised-test-to-take': STEPS['nt2-test'].text,
  'level-reached': msg`Je hebt het nodige niveau gehaald.`,
  'to-register': STEPS['work-register'].text,
  registered: msg`Je bent ingeschreven.`,
  overdue: msg`De datum is voorbij. Neem snel contact op met je begeleider.`,
  'not-allowed-to-work': msg`Je mag nu niet werken in België. Daarom is dit niet nodig.`,
  optional: msg`Dit is niet verplicht voor jou, maar je mag meedoen.`,
  'to-choose-activity': STEPS['participation-choose'].text,
  'hours-counting': msg`Je uren worden geteld.`,
  'hours-complete': msg`Je hebt genoeg uren.`,
} satisfies Record<string, MessageDescriptor>;

const DETAIL_ALIASES: Record<string, keyof typeof DETAILS> = {
  'waiting-list': 'waiting-for-course',
  enrolled: 'course-enrolled',
  attending: 'course-in-progress',
  'course-followed': 'course-completed',
  'test-booked': 'test-planned',
  'a2-reached': 'level-reached',
  'registration-overdue': 'overdue',
  'hours-in-progress': 'hours-counting',
};

/** A pillar's detail code in words, or null for a code the portal does not know (the state says enough). */
export function pillarDetail(code: string | null): MessageDescriptor | null {
  if (!code) return null;
  const key = normalise(code);
  if (key in DETAILS) return DETAILS[key as keyof typeof DETAILS];
  const alias = DETAIL_ALIASES[key];
  return alias ? DETAILS[alias] : null;
}

export const DOSSIER_STATUS: Record<DossierStatus, MessageDescriptor> = {
  'signed-up': msg`Je bent aangemeld. Je krijgt een uitnodiging voor een eerste gesprek.`,
  'intake-done': msg`Je eerste gesprek is voorbij. Daarna teken je je contract.`,
  running: msg`Je traject loopt.`,
  suspended: msg`Je traject staat even stil.`,
  closed: msg`Je traject is afgesloten.`,
  transferred: msg`Je dossier is naar een ander agentschap gegaan.`,
};

export const TEAM_ROLES: Record<TeamRole, MessageDescriptor> = {
  'case-worker': msg`Je begeleider`,
  'nt2-consultant': msg`Je consulent Nederlands leren`,
  'course-teacher': msg`Je leerkracht`,
  interpreting: msg`Tolk`,
  other: msg`Helper`,
};

export const APPOINTMENT_KINDS: Record<AppointmentKind, { label: MessageDescriptor; icon: IconName }> = {
  intake: { label: msg`Eerste gesprek`, icon: 'chat' },
  'course-session': { label: msg`Les`, icon: 'book' },
  test: { label: msg`Test`, icon: 'check' },
  'nt2-conversation': { label: msg`Gesprek over Nederlands leren`, icon: 'chat' },
  'nt2-start': { label: msg`Start van je cursus Nederlands`, icon: 'flag' },
};

export const TASK_KINDS: Record<TaskKind, MessageDescriptor> = {
  'register-employment-service': msg`Schrijf je in bij VDAB of Actiris`,
  'upload-participation-proof': msg`Toon het bewijs van je uren`,
  'choose-participation-activity': msg`Kies een activiteit`,
  other: msg`Taak`,
};

export const TASK_STATUSES: Record<TaskStatus, { label: MessageDescriptor; icon: IconName; tone: 'todo' | 'busy' | 'done' | 'bad' }> = {
  open: { label: msg`Te doen`, icon: 'todo', tone: 'todo' },
  submitted: { label: msg`Verstuurd: je begeleider kijkt het na`, icon: 'clock', tone: 'busy' },
  accepted: { label: msg`Goedgekeurd`, icon: 'check', tone: 'done' },
  rejected: { label: msg`Niet goedgekeurd`, icon: 'alert', tone: 'bad' },
};

export const DOCUMENT_KINDS: Record<DocumentKind, MessageDescriptor> = {
  contract: msg`Contract`,
  'personal-plan': msg`Persoonlijk plan`,
  certificate: msg`Attest`,
  letter: msg`Brief`,
};

export const ACCESS_ACTIONS: Record<string, MessageDescriptor> = {
  read: msg`Bekeken`,
  create: msg`Toegevoegd`,
  update: msg`Gewijzigd`,
  delete: msg`Verwijderd`,
  export: msg`Gedownload`,
};

/** What was looked at or changed (the access log's `what`). */
export const ACCESS_SUBJECTS: Record<string, MessageDescriptor> = {
  person: msg`Je persoonsgegevens`,
  dossier: msg`Je dossier`,
  'nt2-conversation': msg`Je gesprek over Nederlands leren`,
  'nt2-placement': msg`Je plaats in een cursus Nederlands`,
  'test-booking': msg`Je inschrijving voor een test`,
};

export const ROLES: Record<Role, MessageDescriptor> = {
  'intake-officer': msg`Medewerker voor het eerste gesprek`,
  'case-worker': msg`Begeleider`,
  'dutch-learning-consultant': msg`Consulent Nederlands leren`,
  'course-teacher': msg`Leerkracht`,
  'test-centre-staff': msg`Medewerker van het testcentrum`,
  'course-planner': msg`Planner van cursussen en testen`,
  'course-provider': msg`Medewerker van een school voor Nederlands`,
  'interpreting-customer': msg`Medewerker die een tolk vroeg`,
  interpreter: msg`Tolk`,
  'interpreting-desk': msg`Dienst tolken en vertalen`,
  'partner-user': msg`Medewerker van een partner`,
  manager: msg`Leidinggevende`,
  'enforcement-officer': msg`Ambtenaar voor boetes`,
  'data-protection-officer': msg`Verantwoordelijke voor privacy`,
  administrator: msg`Beheerder`,
};

export const PURPOSES: Record<Purpose, MessageDescriptor> = {
  intake: msg`Eerste gesprek`,
  'trajectory-guidance': msg`Begeleiding van je traject`,
  'course-planning': msg`Planning van cursussen en testen`,
  'dutch-learning': msg`Nederlands leren`,
  interpreting: msg`Tolken en vertalen`,
  'partner-cooperation': msg`Samenwerking met partners`,
  enforcement: msg`Controle op je verplichtingen`,
  'management-reporting': msg`Cijfers en rapporten`,
  'data-protection-review': msg`Controle op privacy`,
  administration: msg`Technisch beheer`,
  'own-data': msg`Je keek zelf in het portaal`,
};

/** A role, purpose or action code in words; a value the portal does not know is shown as the server sent it. */
export function known(table: Record<string, MessageDescriptor>, code: string): MessageDescriptor | null {
  return Object.prototype.hasOwnProperty.call(table, code) ? (table[code] ?? null) : null;
}
