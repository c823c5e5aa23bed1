import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/** Translated labels for the codes of the trajectory API (issue 3): statuses, pillars, deadlines, actions. */

const DOSSIER_STATUS: Record<string, MessageDescriptor> = {
  'signed-up': msg`Aangemeld`,
  'intake-done': msg`Trajectbepaling gedaan`,
  running: msg`Lopend`,
  suspended: msg`Opgeschort`,
  closed: msg`Afgesloten`,
  transferred: msg`Overgedragen`,
};

const TARGET_GROUP: Record<string, MessageDescriptor> = {
  verplicht: msg`Verplichte inburgeraar`,
  rechthebbend: msg`Rechthebbende inburgeraar`,
  onbepaald: msg`Nog niet bepaald`,
  'geen-doelgroep': msg`Geen doelgroep`,
  'tijdelijke-bescherming': msg`Tijdelijke bescherming`,
};

const CHANNEL: Record<string, MessageDescriptor> = {
  'invitation-letter': msg`Uitnodigingsbrief`,
  spontaneous: msg`Spontaan`,
  'partner-referral': msg`Doorverwijzing door een partner`,
  'municipality-notification': msg`Melding door de gemeente`,
};

const PILLAR: Record<string, MessageDescriptor> = {
  mo: msg`Maatschappelijke oriëntatie`,
  nt2: msg`Nederlands (NT2)`,
  work: msg`Werk (inschrijving VDAB of Actiris)`,
  participation: msg`Participatie en netwerking`,
};

const PILLAR_STATUS: Record<string, MessageDescriptor> = {
  'not-required': msg`Niet vereist`,
  optional: msg`Facultatief`,
  'not-started': msg`Niet gestart`,
  'in-progress': msg`Bezig`,
  failed: msg`Niet geslaagd`,
  overdue: msg`Termijn verstreken`,
  completed: msg`Voltooid`,
  exempted: msg`Vrijgesteld`,
};

const MISSING: Record<string, MessageDescriptor> = {
  'mo.enrol-course': msg`Inschrijven voor de cursus maatschappelijke oriëntatie`,
  'mo.attend-course': msg`De cursus maatschappelijke oriëntatie volgen`,
  'mo.take-test': msg`Het toetsmoment maatschappelijke oriëntatie afleggen`,
  'mo.process-evaluation': msg`De procesevaluatie maatschappelijke oriëntatie laten afnemen`,
  'mo.redo-course': msg`De cursus maatschappelijke oriëntatie opnieuw volgen`,
  'nt2.enrol': msg`Inschrijven voor een cursus Nederlands`,
  'nt2.reach-a2': msg`Niveau A2 Nederlands behalen (mondeling en schriftelijk)`,
  'nt2.reach-a2-oral': msg`Niveau A2 Nederlands mondeling behalen`,
  'nt2.standardised-test': msg`De gestandaardiseerde test Nederlands afleggen`,
  'work.register': msg`Inschrijven als werkzoekende bij VDAB of Actiris`,
  'participation.hours': msg`40 uur participatie- en netwerkactiviteiten doen`,
  'mo.not-completed': msg`Maatschappelijke oriëntatie is nog niet voltooid`,
  'nt2.not-completed': msg`Nederlands (NT2) is nog niet voltooid`,
  'work.not-completed': msg`De inschrijving bij VDAB of Actiris ontbreekt nog`,
  'participation.not-completed': msg`Het participatietraject is nog niet voltooid`,
};

const DEADLINE_KIND: Record<string, MessageDescriptor> = {
  'sign-up': msg`Aanmelding`,
  contract: msg`Ondertekening inburgeringscontract`,
  'work-registration': msg`Inschrijving VDAB of Actiris`,
  'mo-start': msg`Start maatschappelijke oriëntatie`,
  'diploma-recognition': msg`Aanvraag diplomagelijkwaardigheid`,
  completion: msg`Voltooiing van het traject`,
  'suspension-end': msg`Einde opschorting of uitstel`,
  'notice-of-default': msg`Termijn van de ingebrekestelling`,
  'certificate-ready': msg`Attest kan worden uitgereikt`,
  'mo-test-failed': msg`Niet geslaagd voor het toetsmoment maatschappelijke oriëntatie`,
  'intake-pending': msg`Trajectbepaling nog niet gedaan`,
  'decision-pending': msg`Doelgroep en profiel nog niet bevestigd`,
};

const DEADLINE_STATUS: Record<string, MessageDescriptor> = {
  met: msg`Gehaald`,
  'met-late': msg`Te laat gehaald`,
  open: msg`Open`,
  overdue: msg`Verstreken`,
  paused: msg`Gepauzeerd`,
};

const SEVERITY: Record<string, MessageDescriptor> = {
  overdue: msg`Achterstallig`,
  'due-soon': msg`Binnenkort`,
  upcoming: msg`Later`,
};

const NEXT_ACTION: Record<string, MessageDescriptor> = {
  'check-sign-up': msg`Aanmelding nagaan`,
  'sign-contract': msg`Inburgeringscontract laten ondertekenen`,
  'check-work-registration': msg`Inschrijving bij VDAB of Actiris nagaan`,
  'enrol-mo-course': msg`Inschrijven voor maatschappelijke oriëntatie`,
  'request-diploma-recognition': msg`Diplomagelijkwaardigheid laten aanvragen`,
  'complete-trajectory': msg`Het traject laten voltooien`,
  'resume-trajectory': msg`Het traject hervatten`,
  'hand-over-or-record-compliance': msg`Overdragen aan handhaving of naleving registreren`,
  'consider-infringement': msg`Een inbreuk overwegen`,
  'record-intake': msg`De trajectbepaling registreren`,
  'decide-intake': msg`Doelgroep en profiel bevestigen`,
  'issue-certificate': msg`Het attest uitreiken`,
};

const CERTIFICATE_KIND: Record<string, MessageDescriptor> = {
  'civic-integration': msg`Inburgeringsattest`,
  'regular-participation': msg`Bewijs van regelmatige deelname`,
  'declaration-of-effort': msg`Verklaring van geleverde inspanning`,
  exemption: msg`Attest van vrijstelling`,
  suspension: msg`Attest van opschorting`,
  'postponement-sign-up': msg`Attest van uitstel van aanmelding`,
  'postponement-contract': msg`Attest van uitstel van ondertekening`,
};

const ACTION: Record<string, MessageDescriptor> = {
  'record-intake': msg`Trajectbepaling registreren`,
  'decide-intake': msg`Doelgroep en profiel bevestigen`,
  'sign-contract': msg`Inburgeringscontract ondertekenen`,
  'update-pip': msg`Persoonlijk inburgeringsplan bijwerken`,
  'record-situation': msg`Werk- en studiesituatie registreren`,
  'record-mo-course': msg`Cursus maatschappelijke oriëntatie registreren`,
  'record-mo-test': msg`Toetsmoment maatschappelijke oriëntatie registreren`,
  'record-mo-process-evaluation': msg`Procesevaluatie maatschappelijke oriëntatie registreren`,
  'record-nt2-enrolment': msg`Inschrijving Nederlands registreren`,
  'record-nt2-result': msg`Resultaat Nederlands registreren`,
  'record-nt2-standardised-test': msg`Gestandaardiseerde test Nederlands registreren`,
  'record-work-registration': msg`Inschrijving VDAB of Actiris registreren`,
  'record-participation': msg`Participatie-uren registreren`,
  'record-diploma-recognition-request': msg`Aanvraag diplomagelijkwaardigheid registreren`,
  'record-limited-learning-capacity': msg`Beperkte leerbaarheid registreren`,
  'start-suspension': msg`Opschorting of uitstel starten`,
  'end-suspension': msg`Opschorting beëindigen`,
  'grant-exemption': msg`Vrijstelling toekennen`,
  'issue-certificate': msg`Attest uitreiken`,
  close: msg`Dossier afsluiten`,
  'record-change-of-circumstances': msg`Gewijzigde gegevens registreren`,
  'record-infringement': msg`Inbreuk registreren`,
  'send-notice-of-default': msg`Ingebrekestelling versturen`,
  'record-compliance': msg`Naleving registreren`,
  'hand-over-to-enforcement': msg`Overdragen aan handhaving`,
  'assign-case-worker': msg`Trajectbegeleider toewijzen`,
};

const TARGET_GROUP_CODE: Record<string, MessageDescriptor> = {
  'missing.first-inscription-date': msg`De datum van eerste inschrijving ontbreekt`,
  'missing.birth-date': msg`De geboortedatum ontbreekt`,
  'missing.register': msg`Het register ontbreekt`,
  'missing.nationality': msg`De nationaliteit ontbreekt`,
  'missing.residence': msg`Het verblijfsstatuut ontbreekt`,
  'missing.first-residence-title': msg`Onbekend of het de eerste verblijfstitel is`,
  'missing.born-abroad': msg`Onbekend of de persoon in het buitenland geboren is`,
  'missing.prior-legal-stay': msg`De duur van het eerdere wettig verblijf ontbreekt`,
  'not-in-register': msg`Niet ingeschreven in een register`,
  'no-legal-stay': msg`Geen wettig verblijf`,
  diplomat: msg`Diplomaat`,
  'short-stay': msg`Kort verblijf`,
  minor: msg`Minderjarig`,
  'minor-schooling-completed': msg`Minderjarig met voltooide leerplicht`,
  'asylum-seeker-excluded': msg`Verzoeker om internationale bescherming (uitgesloten)`,
  'asylum-seeker-continues': msg`Verzoeker om internationale bescherming (traject loopt verder)`,
  'asylum-seeker-entitled': msg`Verzoeker om internationale bescherming (rechthebbend)`,
  'temporary-protection': msg`Tijdelijke bescherming`,
  'belgian-not-born-abroad': msg`Belg, niet in het buitenland geboren`,
  'belgian-born-abroad': msg`Belg, in het buitenland geboren`,
  'eu-citizen': msg`Burger van de Europese Unie`,
  'aged-65-or-over': msg`65 jaar of ouder`,
  'permanently-unable': msg`Blijvend niet in staat om een traject te volgen`,
  'minister-of-religion': msg`Bedienaar van een erkende eredienst`,
  'first-residence-title': msg`Eerste verblijfstitel van meer dan drie maanden`,
  'not-first-residence-title': msg`Niet de eerste verblijfstitel`,
  'obligation-not-in-force': msg`De inburgeringsplicht gold nog niet op die datum`,
  'brussels-not-foreigners-register': msg`Brussel: niet ingeschreven in het vreemdelingenregister`,
  'brussels-prior-stay-3-years': msg`Brussel: eerder al drie jaar wettig verblijf`,
  'brussels-exemption': msg`Brussel: vrijgesteld`,
};

const SUSPENSION_REASON: Record<string, MessageDescriptor> = {
  'sick-leave': msg`Ziekte`,
  'maternity-leave': msg`Moederschapsrust`,
  'family-care': msg`Zorg voor een familielid`,
  psychosocial: msg`Psychosociale problemen`,
  'no-childcare': msg`Geen kinderopvang`,
  'work-or-training-schedule': msg`Werk- of opleidingsuren`,
  pregnancy: msg`Zwangerschap`,
  birth: msg`Geboorte`,
  'flexible-trajectory': msg`Flexibel traject`,
};

const PERIOD_KIND: Record<string, MessageDescriptor> = {
  suspension: msg`Opschorting van het traject`,
  'postponement-sign-up': msg`Uitstel van aanmelding`,
  'postponement-contract': msg`Uitstel van ondertekening`,
};

const EXEMPTION_REASON: Record<string, MessageDescriptor> = {
  'serious-illness': msg`Ernstige ziekte`,
  disability: msg`Handicap`,
};

const CLOSURE_REASON: Record<string, MessageDescriptor> = {
  certificate: msg`Attest uitgereikt`,
  'left-target-group': msg`Niet meer in de doelgroep`,
  'moved-out-of-area': msg`Verhuisd buiten het werkingsgebied`,
  exempted: msg`Vrijgesteld`,
  deceased: msg`Overleden`,
  other: msg`Andere reden`,
};

const INFRINGEMENT_KIND: Record<string, MessageDescriptor> = {
  'late-sign-up': msg`Te late aanmelding`,
  'contract-not-signed': msg`Contract niet ondertekend`,
  'irregular-participation': msg`Onregelmatige deelname`,
  'late-work-registration': msg`Te late inschrijving bij VDAB of Actiris`,
  'stopped-without-reason': msg`Gestopt zonder geldige reden`,
};

const INFRINGEMENT_STATUS: Record<string, MessageDescriptor> = {
  detected: msg`Vastgesteld`,
  'notice-sent': msg`Ingebrekestelling verstuurd`,
  complied: msg`Nageleefd`,
  'handed-over': msg`Overgedragen aan handhaving`,
  annulled: msg`Vervallen`,
};

const CHANGE: Record<string, MessageDescriptor> = {
  address: msg`Adres`,
  'residence-status': msg`Verblijfsstatuut`,
  'target-group': msg`Doelgroep`,
};

const LITERACY: Record<string, MessageDescriptor> = {
  'literate-latin': msg`Gealfabetiseerd in het Latijnse schrift`,
  'literate-other-script': msg`Gealfabetiseerd in een ander schrift`,
  'low-literate': msg`Laaggeletterd`,
  illiterate: msg`Niet gealfabetiseerd`,
};

const EDUCATION: Record<string, MessageDescriptor> = {
  none: msg`Geen`,
  primary: msg`Lager onderwijs`,
  secondary: msg`Secundair onderwijs`,
  higher: msg`Hoger onderwijs`,
};

const DIGITAL_LEVEL: Record<string, MessageDescriptor> = {
  none: msg`Onvoldoende: eerst een digi-sessie of een toestel lenen`,
  basic: msg`Basis: gemengd leren met ondersteuning`,
  sufficient: msg`Voldoende: online leren is mogelijk`,
};

const PROFILE: Record<string, MessageDescriptor> = {
  'profile-1': msg`Profiel 1 — hoogopgeleid`,
  'profile-2': msg`Profiel 2 — werkend`,
  'profile-3': msg`Profiel 3 — niet werkend`,
  'profile-4': msg`Profiel 4 — niet gealfabetiseerd`,
};

const AREA: Record<string, MessageDescriptor> = {
  flanders: msg`Vlaanderen`,
  brussels: msg`Brussel`,
};

function label(map: Record<string, MessageDescriptor>, i18n: I18n, value: string | null | undefined): string {
  if (!value) return '';
  const descriptor = map[value];
  return descriptor ? i18n._(descriptor) : value;
}

export const dossierStatusLabel = (i18n: I18n, v: string) => label(DOSSIER_STATUS, i18n, v);
export const targetGroupLabel = (i18n: I18n, v: string | null | undefined) => label(TARGET_GROUP, i18n, v);
export const channelLabel = (i18n: I18n, v: string) => label(CHANNEL, i18n, v);
export const pillarLabel = (i18n: I18n, v: string) => label(PILLAR, i18n, v);
export const pillarStatusLabel = (i18n: I18n, v: string) => label(PILLAR_STATUS, i18n, v);
export const missingLabel = (i18n: I18n, v: string) => label(MISSING, i18n, v);
export const deadlineKindLabel = (i18n: I18n, v: string) => label(DEADLINE_KIND, i18n, v);
export const deadlineStatusLabel = (i18n: I18n, v: string) => label(DEADLINE_STATUS, i18n, v);
export const severityLabel = (i18n: I18n, v: string) => label(SEVERITY, i18n, v);
export const nextActionLabel = (i18n: I18n, v: string) => label(NEXT_ACTION, i18n, v);
export const certificateKindLabel = (i18n: I18n, v: string) => label(CERTIFICATE_KIND, i18n, v);
export const actionLabel = (i18n: I18n, v: string) => label(ACTION, i18n, v);
export const targetGroupCodeLabel = (i18n: I18n, v: string) => label(TARGET_GROUP_CODE, i18n, v);
export const suspensionReasonLabel = (i18n: I18n, v: string) => label(SUSPENSION_REASON, i18n, v);
export const periodKindLabel = (i18n: I18n, v: string) => label(PERIOD_KIND, i18n, v);
export const exemptionReasonLabel = (i18n: I18n, v: string) => label(EXEMPTION_REASON, i18n, v);
export const closureReasonLabel = (i18n: I18n, v: string) => label(CLOSURE_REASON, i18n, v);
export const infringementKindLabel = (i18n: I18n, v: string) => label(INFRINGEMENT_KIND, i18n, v);
export const infringementStatusLabel = (i18n: I18n, v: string) => label(INFRINGEMENT_STATUS, i18n, v);
export const changeLabel = (i18n: I18n, v: string) => label(CHANGE, i18n, v);
export const literacyLabel = (i18n: I18n, v: string) => label(LITERACY, i18n, v);
export const educationLabel = (i18n: I18n, v: string) => label(EDUCATION, i18n, v);
export const digitalLevelLabel = (i18n: I18n, v: string) => label(DIGITAL_LEVEL, i18n, v);
export const profileLabel = (i18n: I18n, v: string) => label(PROFILE, i18n, v);
export const areaLabel = (i18n: I18n, v: string) => label(AREA, i18n, v);

export const SIGN_UP_CHANNELS = Object.keys(CHANNEL);
export const TARGET_GROUPS = Object.keys(TARGET_GROUP);
export const PROFILES = Object.keys(PROFILE);
export const SUSPENSION_REASONS = Object.keys(SUSPENSION_REASON);
export const PERIOD_KINDS = Object.keys(PERIOD_KIND);
export const EXEMPTION_REASONS = Object.keys(EXEMPTION_REASON);
export const CLOSURE_REASONS = Object.keys(CLOSURE_REASON);
export const INFRINGEMENT_KINDS = Object.keys(INFRINGEMENT_KIND);
export const CHANGES = Object.keys(CHANGE);
export const LITERACY_LEVELS = Object.keys(LITERACY);
export const EDUCATION_LEVELS = Object.keys(EDUCATION);

/** Mantine colours for statuses; always shown together with the status in words. */
export const PILLAR_COLOR: Record<string, string> = {
  'not-required': 'gray',
  optional: 'gray',
  'not-started': 'gray',
  'in-progress': 'blue',
  failed: 'red',
  overdue: 'red',
  completed: 'green',
  exempted: 'teal',
};
export const DEADLINE_COLOR: Record<string, string> = { met: 'green', 'met-late': 'orange', open: 'blue', overdue: 'red', paused: 'gray' };
export const SEVERITY_COLOR: Record<string, string> = { overdue: 'red', 'due-soon': 'orange', upcoming: 'blue' };
