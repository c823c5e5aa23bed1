import { List, Loader, Text } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useTimeline, type TimelineEntry } from '../../api/trajectory';
import { agencyName, formatDate, formatDateTime, purposeLabel } from '../../labels';
import { refusalMessage } from '../../refusalMessages';
import {
  actionLabel,
  certificateKindLabel,
  changeLabel,
  channelLabel,
  closureReasonLabel,
  infringementKindLabel,
  periodKindLabel,
  suspensionReasonLabel,
  targetGroupLabel,
} from '../../trajectoryLabels';
import { ProblemAlert } from '../ProblemAlert';

type Payload = Record<string, unknown>;
const obj = (v: unknown): Payload => (v && typeof v === 'object' ? (v as Payload) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** One journal entry as a sentence in the reader's language. */
export function useTimelineSentence(): (entry: TimelineEntry) => string {
  const { t, i18n } = useLingui();
  const d = (v: unknown) => formatDate(i18n.locale, str(v) || null);
  return (entry) => {
    const p = entry.payload;
    const c = obj(p.command);
    switch (entry.type) {
      case 'dossier.signed-up': {
        const channel = channelLabel(i18n, str(c.channel));
        return t`Aangemeld (${channel}).`;
      }
      case 'dossier.intake-recorded': {
        const group = targetGroupLabel(i18n, str(obj(p.proposal).group));
        return t`Trajectbepaling geregistreerd. Voorgestelde doelgroep: ${group}.`;
      }
      case 'dossier.intake-decided': {
        const group = targetGroupLabel(i18n, str(c.targetGroup));
        const reason = str(c.overrideReason);
        return p.overridden ? t`Doelgroep vastgelegd in afwijking van het voorstel: ${group}. Reden: ${reason}` : t`Doelgroep bevestigd: ${group}.`;
      }
      case 'dossier.contract-signed': {
        const date = d(c.signedOn);
        const ruleSet = str(p.ruleSetId);
        return t`Inburgeringscontract ondertekend op ${date} (regels ${ruleSet}).`;
      }
      case 'dossier.pip-updated':
        return t`Persoonlijk inburgeringsplan bijgewerkt.`;
      case 'dossier.situation-recorded':
        return t`Werk- en studiesituatie geregistreerd.`;
      case 'dossier.mo-course-recorded': {
        const hours = str(c.attendedHours);
        const required = str(p.requiredHours);
        return t`Cursus maatschappelijke oriëntatie geregistreerd: ${hours} van ${required} uur gevolgd.`;
      }
      case 'dossier.mo-test-recorded':
        return t`Toetsmoment maatschappelijke oriëntatie geregistreerd.`;
      case 'dossier.mo-process-evaluation-recorded':
        return t`Procesevaluatie maatschappelijke oriëntatie geregistreerd.`;
      case 'dossier.nt2-enrolment-recorded': {
        const provider = str(c.provider);
        return t`Ingeschreven voor Nederlands bij ${provider}.`;
      }
      case 'dossier.nt2-result-recorded': {
        const oral = str(c.oral) || '—';
        const written = str(c.written) || '—';
        return t`Resultaat Nederlands geregistreerd: mondeling ${oral}, schriftelijk ${written}.`;
      }
      case 'dossier.nt2-standardised-test-recorded':
        return t`Gestandaardiseerde test Nederlands geregistreerd.`;
      case 'dossier.work-registration-recorded': {
        const date = d(c.registeredOn);
        return t`Inschrijving als werkzoekende geregistreerd (ingeschreven op ${date}).`;
      }
      case 'dossier.participation-recorded': {
        const hours = str(c.hours);
        const total = str(p.totalHours);
        const activity = str(c.activity);
        return t`${hours} uur participatie geregistreerd (${activity}); in totaal ${total} uur.`;
      }
      case 'dossier.diploma-recognition-requested':
        return t`Aanvraag diplomagelijkwaardigheid geregistreerd.`;
      case 'dossier.limited-learning-capacity-recorded':
        return t`Beperkte leerbaarheid vastgesteld.`;
      case 'dossier.suspension-started': {
        const kind = periodKindLabel(i18n, str(c.kind));
        const reason = suspensionReasonLabel(i18n, str(c.reason));
        const from = d(c.from);
        const to = d(c.to);
        const number = str(p.certificateNumber);
        return t`${kind} van ${from} tot en met ${to} (${reason}); attest ${number}.`;
      }
      case 'dossier.suspension-ended': {
        const date = d(c.date);
        return t`Opschorting beëindigd op ${date}.`;
      }
      case 'dossier.exemption-granted': {
        const number = str(p.certificateNumber);
        return t`Vrijstelling toegekend; attest ${number}. Het dossier is afgesloten.`;
      }
      case 'dossier.certificate-issued': {
        const kind = certificateKindLabel(i18n, str(c.kind));
        const number = str(p.certificateNumber);
        return t`${kind} uitgereikt met nummer ${number}. Het dossier is afgesloten.`;
      }
      case 'dossier.closed': {
        const reason = closureReasonLabel(i18n, str(c.reason));
        return t`Dossier afgesloten: ${reason}.`;
      }
      case 'dossier.change-recorded': {
        const change = changeLabel(i18n, str(c.change));
        return t`Gewijzigde gegevens geregistreerd: ${change}.`;
      }
      case 'dossier.infringements-annulled':
        return t`Lopende inbreuken vervallen door gewijzigde gegevens.`;
      case 'dossier.infringement-recorded': {
        const kind = infringementKindLabel(i18n, str(c.kind));
        return t`Inbreuk geregistreerd: ${kind}.`;
      }
      case 'dossier.notice-of-default-sent': {
        const date = d(p.complyBy);
        return t`Ingebrekestelling verstuurd; na te leven tegen ${date}.`;
      }
      case 'dossier.compliance-recorded':
        return t`Naleving geregistreerd; de inbreuk is zonder sanctie beëindigd.`;
      case 'dossier.handed-over-to-enforcement':
        return t`Overgedragen aan de handhavingsambtenaar.`;
      case 'dossier.case-worker-assigned':
        return c.caseWorkerId ? t`Trajectbegeleider toegewezen.` : t`Toewijzing aan de trajectbegeleider opgeheven.`;
      case 'dossier.transferred': {
        const from = agencyName(str(p.fromAgency));
        const to = agencyName(str(p.toAgency));
        return t`Dossier overgedragen van ${from} naar ${to}.`;
      }
      case 'dossier.command-refused': {
        const action = actionLabel(i18n, str(p.command));
        const rule = str(p.rule);
        const reason = refusalMessage(i18n.locale, str(p.refusal), obj(p.values)) ?? str(p.refusal);
        return t`Actie “${action}” geweigerd volgens regel ${rule}: ${reason}`;
      }
      default:
        return entry.type;
    }
  };
}

export function Timeline({ dossierId }: { dossierId: string }) {
  const { t, i18n } = useLingui();
  const timeline = useTimeline(dossierId);
  const sentence = useTimelineSentence();
  if (timeline.isPending) return <Loader size="sm" aria-label={t`Bezig met laden…`} />;
  if (timeline.isError) return <ProblemAlert error={timeline.error} />;
  if (timeline.data.length === 0) return <Text>{t`Nog niets gebeurd.`}</Text>;
  return (
    <List spacing="sm" listStyleType="none" styles={{ root: { paddingInlineStart: 0 } }} aria-label={t`Tijdlijn, nieuwste eerst`}>
      {timeline.data.map((entry) => {
        const refused = entry.type === 'dossier.command-refused';
        const actor = entry.actor ?? t`Systeem`;
        const purpose = purposeLabel(i18n, entry.purpose);
        return (
          <List.Item
            key={entry.id}
            style={{ borderInlineStart: `3px solid var(--mantine-color-${refused ? 'red' : 'gray'}-5)`, paddingInlineStart: '0.75rem' }}
          >
            <Text size="sm" fw={600}>
              {formatDate(i18n.locale, entry.effectiveAt.slice(0, 10))}
              {refused ? ` · ${t`Geweigerd`}` : ''}
            </Text>
            <Text size="sm">{sentence(entry)}</Text>
            <Text size="xs" c="dimmed">
              {t`Door ${actor}, doel: ${purpose}, geregistreerd ${formatDateTime(i18n.locale, entry.recordedAt)}`}
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}
