import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { keys } from '../api/queries';
import type { Person } from '../api/types';
import { useDossier, type DossierView, type Pillar } from '../api/trajectory';
import { FullPageLoader } from '../components/AppLayout';
import { ActionModal } from '../components/dossier/ActionModal';
import { Timeline } from '../components/dossier/Timeline';
import { AnchorLink } from '../components/Link';
import { latinName, originalName } from '../components/PersonName';
import { ProblemAlert } from '../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../components/ScrollTable';
import { SectionCard } from '../components/SectionCard';
import { StatusBadge } from '../components/StatusBadge';
import { Facts } from '../components/Facts';
import { DossierPortalTasks } from '../components/portal/DossierPortalTasks';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { formatDate } from '../labels';
import {
  DEADLINE_COLOR,
  PILLAR_COLOR,
  SEVERITY_COLOR,
  actionLabel,
  areaLabel,
  certificateKindLabel,
  channelLabel,
  deadlineKindLabel,
  deadlineStatusLabel,
  dossierStatusLabel,
  infringementKindLabel,
  infringementStatusLabel,
  missingLabel,
  nextActionLabel,
  periodKindLabel,
  pillarLabel,
  pillarStatusLabel,
  profileLabel,
  severityLabel,
  suspensionReasonLabel,
  targetGroupLabel,
} from '../trajectoryLabels';

const route = getRouteApi('/_app/dossiers/$dossierId');

const STATUS_COLOR: Record<string, string> = {
  'signed-up': 'gray',
  'intake-done': 'blue',
  running: 'green',
  suspended: 'orange',
  closed: 'gray',
  transferred: 'gray',
};

export function DossierPage() {
  const { t } = useLingui();
  const { dossierId } = route.useParams();
  const { asOf } = route.useSearch();
  const dossier = useDossier(dossierId, asOf);
  const personId = dossier.data?.personId ?? '';
  const person = useQuery({
    queryKey: keys.person(personId),
    queryFn: ({ signal }) => api.get<Person>(`/persons/${encodeURIComponent(personId)}`, signal),
    enabled: personId !== '',
  });
  const name = person.data ? originalName(person.data) : '';
  useDocumentTitle(name ? t`Dossier van ${name}` : t`Dossier`);

  if (dossier.isPending) return <FullPageLoader />;
  if (dossier.isError) {
    return (
      <Stack>
        <Title order={1}>{t`Dossier`}</Title>
        <ProblemAlert error={dossier.error} />
        <AnchorLink to="/caseload">{t`Naar mijn caseload`}</AnchorLink>
      </Stack>
    );
  }
  const d = dossier.data;
  const latin = person.data ? latinName(person.data) : null;
  return (
    <Stack maw={1100}>
      <AnchorLink to="/persons/$personId" params={{ personId: d.personId }} size="sm">
        {t`Terug naar de persoon`}
      </AnchorLink>
      <div>
        <Title order={1}>
          {t`Trajectdossier`}
          {name && (
            <>
              {' · '}
              <span dir="auto">{name}</span>
            </>
          )}
        </Title>
        {latin && (
          <Text size="lg" fw={500}>
            {latin}
          </Text>
        )}
      </div>
      <DossierHeader dossier={d} asOf={asOf} />
      <Actions dossier={d} />
      <FollowUp dossier={d} />
      <Pillars dossier={d} />
      <CertificateBox dossier={d} />
      <Deadlines dossier={d} />
      <PeriodsAndInfringements dossier={d} />
      <Certificates dossier={d} />
      <DossierPortalTasks dossierId={d.id} />
      <SectionCard id="timeline-title" title={t`Tijdlijn`}>
        <Timeline dossierId={d.id} />
      </SectionCard>
    </Stack>
  );
}

function DossierHeader({ dossier: d, asOf }: { dossier: DossierView; asOf: string | undefined }) {
  const { t, i18n } = useLingui();
  const navigate = useNavigate();
  const [date, setDate] = useState(asOf ?? '');
  const s = d.state;
  const empty = '—';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ to: '/dossiers/$dossierId', params: { dossierId: d.id }, search: date ? { asOf: date } : {} });
  };
  return (
    <SectionCard id="dossier-summary-title" title={t`Overzicht`}>
      <Facts
        rows={[
          [t`Status`, <StatusBadge color={STATUS_COLOR[d.status] ?? 'gray'}>{dossierStatusLabel(i18n, d.status)}</StatusBadge>],
          [t`Doelgroep`, s.decision ? targetGroupLabel(i18n, s.decision.targetGroup) : t`Nog niet bepaald`],
          [t`Klantprofiel`, s.decision ? profileLabel(i18n, s.decision.profileId) : empty],
          [t`Contract ondertekend op`, s.contract ? formatDate(i18n.locale, s.contract.signedOn) : t`Nog geen contract`],
          [t`Regelset`, d.evaluation.ruleSetId ?? s.contract?.ruleSetId ?? empty],
          [t`Aangemeld op`, `${formatDate(i18n.locale, s.signUp.date)} (${channelLabel(i18n, s.signUp.channel)})`],
          ...(s.signUp.referrer ? ([[t`Verwijzer`, s.signUp.referrer]] as [string, ReactNode][]) : []),
          [t`Gebied`, areaLabel(i18n, s.area)],
          [t`Beoordeeld op`, formatDate(i18n.locale, d.evaluation.asOf)],
          ...(s.closure
            ? ([[t`Afgesloten op`, formatDate(i18n.locale, s.closure.date)]] as [string, ReactNode][])
            : []),
        ]}
      />
      <form onSubmit={onSubmit} aria-label={t`Dossier bekijken op een datum`}>
        <Group align="flex-end" mt="md" wrap="wrap">
          <TextInput
            type="date"
            label={t`Bekijken op datum`}
            description={t`Pijlers en termijnen zoals ze op die dag stonden of zullen staan.`}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <Button type="submit" variant="default">
            {t`Bekijken`}
          </Button>
          {asOf && (
            <Button
              variant="subtle"
              onClick={() => {
                setDate('');
                void navigate({ to: '/dossiers/$dossierId', params: { dossierId: d.id }, search: {} });
              }}
            >
              {t`Vandaag`}
            </Button>
          )}
        </Group>
      </form>
    </SectionCard>
  );
}

function Actions({ dossier }: { dossier: DossierView }) {
  const { t, i18n } = useLingui();
  const [action, setAction] = useState<string | null>(null);
  if (dossier.allowedActions.length === 0) return null;
  return (
    <SectionCard id="actions-title" title={t`Acties`}>
      <Group gap="xs">
        {dossier.allowedActions.map((a) => (
          <Button key={a} variant="light" onClick={() => setAction(a)}>
            {actionLabel(i18n, a)}
          </Button>
        ))}
      </Group>
      <ActionModal dossier={dossier} action={action} onClose={() => setAction(null)} />
    </SectionCard>
  );
}

function FollowUp({ dossier }: { dossier: DossierView }) {
  const { t, i18n } = useLingui();
  const items = dossier.evaluation.followUp;
  return (
    <SectionCard id="follow-up-title" title={t`Op te volgen`}>
      {items.length === 0 ? (
        <Text>{t`Er is nu niets op te volgen.`}</Text>
      ) : (
        <ScrollTable minWidth={640} label={t`Op te volgen`}>
          <ColumnHeads labels={[t`Dringendheid`, t`Reden`, t`Volgende stap`, t`Uiterlijk`, t`Regel`]} />
          <Table.Tbody>
            {items.map((item, i) => (
              <Table.Tr key={`${item.reason}-${i}`}>
                <Table.Td>
                  <StatusBadge color={SEVERITY_COLOR[item.severity] ?? 'gray'}>{severityLabel(i18n, item.severity)}</StatusBadge>
                </Table.Td>
                <Table.Td>{deadlineKindLabel(i18n, item.reason)}</Table.Td>
                <Table.Td>{nextActionLabel(i18n, item.nextAction)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(i18n.locale, item.dueOn)}</Table.Td>
                <Table.Td>{item.rule}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </SectionCard>
  );
}

function PillarCard({ code, pillar }: { code: string; pillar: Pillar }) {
  const { t, i18n } = useLingui();
  const id = `pillar-${code}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="xs">
        {pillarLabel(i18n, code)}
      </Title>
      <StatusBadge color={PILLAR_COLOR[pillar.status] ?? 'gray'}>{pillarStatusLabel(i18n, pillar.status)}</StatusBadge>
      {pillar.missing.length > 0 ? (
        <>
          <Text size="sm" mt="sm" fw={600}>
            {t`Nog te doen:`}
          </Text>
          <List size="sm">
            {pillar.missing.map((m) => (
              <List.Item key={m}>{missingLabel(i18n, m)}</List.Item>
            ))}
          </List>
        </>
      ) : (
        <Text size="sm" mt="sm">
          {t`Niets meer te doen.`}
        </Text>
      )}
    </Card>
  );
}

function Pillars({ dossier }: { dossier: DossierView }) {
  const { t } = useLingui();
  const pillars = dossier.evaluation.pillars;
  return (
    <SectionCard id="pillars-title" title={t`Pijlers`}>
      {pillars ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <PillarCard code="mo" pillar={pillars.mo} />
          <PillarCard code="nt2" pillar={pillars.nt2} />
          <PillarCard code="work" pillar={pillars.work} />
          <PillarCard code="participation" pillar={pillars.participation} />
        </SimpleGrid>
      ) : (
        <Text>{t`De pijlers worden beoordeeld zodra het inburgeringscontract is ondertekend.`}</Text>
      )}
    </SectionCard>
  );
}

function CertificateBox({ dossier }: { dossier: DossierView }) {
  const { t, i18n } = useLingui();
  const certificate = dossier.evaluation.certificate;
  if (!certificate) return null;
  return (
    <SectionCard id="certificate-title" title={t`Inburgeringsattest`}>
      {certificate.canIssue ? (
        <Alert color="green" variant="light" title={t`Het attest kan worden uitgereikt`}>
          {t`Alle voorwaarden zijn vervuld.`}
        </Alert>
      ) : (
        <Alert color="yellow" variant="light" title={t`Het attest kan nog niet worden uitgereikt`}>
          <Text size="sm" mb={4}>
            {t`Deze voorwaarden ontbreken nog:`}
          </Text>
          <List size="sm">
            {certificate.missing.map((code) => (
              <List.Item key={code}>{missingLabel(i18n, code)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </SectionCard>
  );
}

function Deadlines({ dossier }: { dossier: DossierView }) {
  const { t, i18n } = useLingui();
  const deadlines = dossier.evaluation.deadlines;
  return (
    <SectionCard id="deadlines-title" title={t`Termijnen`}>
      {deadlines.length === 0 ? (
        <Text>{t`Geen termijnen.`}</Text>
      ) : (
        <ScrollTable minWidth={720} label={t`Termijnen`}>
          <ColumnHeads labels={[t`Termijn`, t`Regel`, t`Uiterlijk`, t`Verschoven`, t`Gehaald op`, t`Status`]} />
          <Table.Tbody>
            {deadlines.map((dl, i) => {
              const days = dl.shiftedDays;
              return (
                <Table.Tr key={`${dl.kind}-${dl.infringementId ?? ''}-${i}`}>
                  <Table.Td>{deadlineKindLabel(i18n, dl.kind)}</Table.Td>
                  <Table.Td>{dl.rule}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(i18n.locale, dl.dueOn)}</Table.Td>
                  <Table.Td>{days > 0 ? t`${days} dagen` : '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dl.metOn ? formatDate(i18n.locale, dl.metOn) : '—'}</Table.Td>
                  <Table.Td>
                    <StatusBadge color={DEADLINE_COLOR[dl.status] ?? 'gray'}>{deadlineStatusLabel(i18n, dl.status)}</StatusBadge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
    </SectionCard>
  );
}

function PeriodsAndInfringements({ dossier }: { dossier: DossierView }) {
  const { t, i18n } = useLingui();
  const { periods, infringements } = dossier.state;
  if (periods.length === 0 && infringements.length === 0) return null;
  return (
    <SectionCard id="periods-title" title={t`Opschortingen en inbreuken`}>
      <List size="sm" spacing="xs">
        {periods.map((p) => {
          const kind = periodKindLabel(i18n, p.kind);
          const reason = suspensionReasonLabel(i18n, p.reason);
          const from = formatDate(i18n.locale, p.from);
          const to = formatDate(i18n.locale, p.endedOn ?? p.to);
          return <List.Item key={p.id}>{t`${kind} van ${from} tot en met ${to} (${reason})`}</List.Item>;
        })}
        {infringements.map((inf) => {
          const kind = infringementKindLabel(i18n, inf.kind);
          const status = infringementStatusLabel(i18n, inf.status);
          const on = formatDate(i18n.locale, inf.detectedOn);
          return <List.Item key={inf.id}>{t`Inbreuk: ${kind}, vastgesteld op ${on} — ${status}`}</List.Item>;
        })}
      </List>
    </SectionCard>
  );
}

function Certificates({ dossier }: { dossier: DossierView }) {
  const { t, i18n } = useLingui();
  if (dossier.certificates.length === 0) return null;
  return (
    <SectionCard id="certificates-title" title={t`Uitgereikte attesten`}>
      <List size="sm" spacing="xs">
        {dossier.certificates.map((c) => {
          const kind = certificateKindLabel(i18n, c.kind);
          const on = formatDate(i18n.locale, c.issuedOn);
          return (
            <List.Item key={c.id}>
              {t`${kind} nr. ${c.number}, uitgereikt op ${on}`}
              {' — '}
              <Anchor
                href={`/api/v1/dossiers/${encodeURIComponent(dossier.id)}/certificates/${encodeURIComponent(c.id)}/pdf`}
                target="_blank"
                rel="noopener"
                aria-label={t`PDF van ${kind} nr. ${c.number} openen`}
              >
                {t`PDF openen`}
              </Anchor>
            </List.Item>
          );
        })}
      </List>
    </SectionCard>
  );
}
