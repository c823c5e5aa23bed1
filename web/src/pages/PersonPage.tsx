import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { ApiError, isApiError, request } from '../api/client';
import { keys, useAccessLog, useLanguages, usePermission, usePerson } from '../api/queries';
import type { Person, PersonInput } from '../api/types';
import { FullPageLoader } from '../components/AppLayout';
import { DuplicateCandidates } from '../components/DuplicateCandidates';
import { AnchorLink } from '../components/Link';
import { latinName, originalName } from '../components/PersonName';
import { changedFields, PersonForm } from '../components/PersonForm';
import { ProblemAlert } from '../components/ProblemAlert';
import { useDocumentTitle } from '../components/useDocumentTitle';
import {
  actionLabel,
  agencyName,
  countryName,
  formatDate,
  formatDateTime,
  purposeLabel,
  regionLabel,
  roleLabel,
  scriptName,
  sexLabel,
} from '../labels';
import { duplicateCandidates } from './PersonNewPage';
import { ColumnHeads, ScrollTable } from '../components/ScrollTable';
import { SectionCard } from '../components/SectionCard';
import { Facts } from '../components/Facts';
import { VersionConflictAlert } from '../components/VersionConflictAlert';
import { PersonDossiers } from '../components/dossier/PersonDossiers';
import { PersonNt2 } from '../components/nt2/PersonNt2';
import { PersonPortal } from '../components/portal/PersonPortal';

const route = getRouteApi('/_app/persons/$personId');

export function PersonPage() {
  const { t } = useLingui();
  const { personId } = route.useParams();
  const person = usePerson(personId);
  const canUpdate = usePermission('person.update');
  const canReadLog = usePermission('person.access-log.read');
  useDocumentTitle(person.data ? originalName(person.data) : t`Persoon`);

  if (person.isPending) return <FullPageLoader />;
  if (person.isError) {
    return (
      <Stack>
        <Title order={1}>{t`Persoon`}</Title>
        <ProblemAlert error={person.error} />
        <AnchorLink to="/persons">{t`Terug naar personen zoeken`}</AnchorLink>
      </Stack>
    );
  }
  const p = person.data;
  const latin = latinName(p);
  return (
    <Stack maw={960}>
      <AnchorLink to="/persons" size="sm">
        {t`Terug naar personen zoeken`}
      </AnchorLink>
      <div>
        <Title order={1} dir="auto">
          {originalName(p)}
        </Title>
        {latin && (
          <Text size="lg" fw={500}>
            {latin}
          </Text>
        )}
      </div>
      {p.mergedIntoId && (
        <Alert color="yellow" variant="light" title={t`Samengevoegd`}>
          <Text>{t`Dit dossier is samengevoegd met een ander dossier.`}</Text>
          <AnchorLink to="/persons/$personId" params={{ personId: p.mergedIntoId }}>
            {t`Naar het overblijvende dossier`}
          </AnchorLink>
        </Alert>
      )}
      <PersonDetails person={p} canUpdate={canUpdate} />
      <PersonDossiers personId={p.id} merged={p.mergedIntoId !== null} />
      {!p.mergedIntoId && <PersonNt2 personId={p.id} />}
      {!p.mergedIntoId && <PersonPortal personId={p.id} defaultEmail={p.email} />}
      {canReadLog && <AccessLog personId={p.id} />}
    </Stack>
  );
}

function PersonDetails({ person, canUpdate }: { person: Person; canUpdate: boolean }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);

  const save = useMutation({
    mutationFn: async (input: Partial<PersonInput>) =>
      (await request<Person>('PATCH', `/persons/${encodeURIComponent(person.id)}`, { body: input, ifMatch: person.version }))
        .data,
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.person(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['persons', 'search'] });
      void queryClient.invalidateQueries({ queryKey: keys.accessLog(updated.id) });
      setEditing(false);
    },
  });

  const conflict = isApiError(save.error, 'version-conflict');
  const candidates = duplicateCandidates(save.error);

  const submit = (input: PersonInput) => {
    const changes = changedFields(person, input);
    if (Object.keys(changes).length === 0) {
      save.reset();
      setEditing(false);
      return;
    }
    save.mutate(changes);
  };
  const reload = async () => {
    save.reset();
    await queryClient.refetchQueries({ queryKey: keys.person(person.id) });
  };

  if (editing) {
    return (
      <Paper withBorder p="lg">
        <Title order={2} size="h3" mb="md">
          {t`Gegevens wijzigen`}
        </Title>
        {conflict && (
          <VersionConflictAlert title={t`Iemand anders heeft deze persoon intussen gewijzigd`} onReload={() => void reload()} mb="md">
            {t`Je wijzigingen zijn niet bewaard. Laad de nieuwste versie, controleer de gegevens en breng je wijzigingen opnieuw aan.`}
          </VersionConflictAlert>
        )}
        <PersonForm
          key={person.version}
          person={person}
          submitLabel={t`Wijzigingen bewaren`}
          submitting={save.isPending}
          error={conflict || candidates ? null : save.error}
          onSubmit={submit}
          onCancel={() => {
            save.reset();
            setEditing(false);
          }}
          notice={
            candidates && save.error instanceof ApiError ? (
              <DuplicateCandidates
                candidates={candidates}
                detail={save.error.problem.detail ?? save.error.problem.title}
              />
            ) : null
          }
        />
      </Paper>
    );
  }

  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3">
          {t`Gegevens`}
        </Title>
        {canUpdate && !person.mergedIntoId && <Button onClick={() => setEditing(true)}>{t`Bewerken`}</Button>}
      </Group>
      <PersonFacts person={person} />
    </Paper>
  );
}

function PersonFacts({ person: p }: { person: Person }) {
  const { t, i18n } = useLingui();
  const languages = useLanguages(i18n.locale);
  const languageName = (code: string) => {
    const found = languages.data?.find((l) => l.code === code);
    return found ? found.name : code;
  };
  const empty = '—';
  const box = p.address?.box ?? '';
  const rows: [string, ReactNode][] = [
    [t`Voornamen`, <span dir="auto">{p.givenNames}</span>],
    [t`Familienaam`, <span dir="auto">{p.familyName}</span>],
    [t`Voornamen in Latijns schrift`, p.givenNamesLatin || empty],
    [t`Familienaam in Latijns schrift`, p.familyNameLatin || empty],
    [t`Schrift van de naam`, p.nameScript ? scriptName(i18n, p.nameScript) : empty],
    [t`INSZ`, p.inszFormatted ?? p.insz ?? empty],
    [t`Geboortedatum`, p.birthDate ? formatDate(i18n.locale, p.birthDate) : empty],
    [t`Geslacht`, p.sex ? sexLabel(i18n, p.sex) : empty],
    [t`Moedertaal`, p.motherTongue ? languageName(p.motherTongue) : empty],
    [t`Contacttalen`, p.contactLanguages.length > 0 ? p.contactLanguages.map(languageName).join(', ') : empty],
    [t`Nationaliteit`, p.nationality ? countryName(i18n.locale, p.nationality) : empty],
    [
      t`Adres`,
      p.address ? (
        <>
          {`${p.address.street} ${p.address.houseNumber}`.trim()}
          {p.address.box ? ` ${t`bus ${box}`}` : ''}
          <br />
          {`${p.address.postalCode} ${p.address.municipalityName ?? ''}`.trim()}
        </>
      ) : (
        empty
      ),
    ],
    [t`Werkingsgebied`, p.region ? regionLabel(i18n, p.region) : empty],
    [t`Bevoegd agentschap`, p.responsibleAgency ? agencyName(p.responsibleAgency) : empty],
    [t`Telefoon`, p.phone || empty],
    [t`E-mailadres`, p.email || empty],
    [t`Aangemaakt`, formatDateTime(i18n.locale, p.createdAt)],
    [t`Laatst gewijzigd`, formatDateTime(i18n.locale, p.updatedAt)],
  ];
  return <Facts rows={rows} />;
}

function AccessLog({ personId }: { personId: string }) {
  const { t, i18n } = useLingui();
  const log = useAccessLog(personId, true);
  return (
    <SectionCard id="access-log-title" title={t`Toegangslogboek`}>
      <Text size="sm" mb="sm">
        {t`Wie heeft deze gegevens geraadpleegd of gewijzigd, en voor welk doel.`}
      </Text>
      {log.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
      <ProblemAlert error={log.error} />
      {log.data && log.data.length === 0 && <Text>{t`Nog geen toegang geregistreerd.`}</Text>}
      {log.data && log.data.length > 0 && (
        <ScrollTable minWidth={720} label={t`Toegangslogboek`}>
          <ColumnHeads labels={[t`Tijdstip`, t`Door`, t`Doel`, t`Handeling`, t`Omschrijving`]} />
          <Table.Tbody>
            {log.data.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(i18n.locale, entry.occurredAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {entry.actor.displayName ?? entry.actor.tokenName ?? ''}
                  </Text>
                  <Text size="xs">
                    {[entry.actor.organisationName, ...entry.actor.roles.map((r) => roleLabel(i18n, r))]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>{purposeLabel(i18n, entry.purpose)}</Table.Td>
                <Table.Td>{actionLabel(i18n, entry.action)}</Table.Td>
                <Table.Td>{entry.summary ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          </ScrollTable>
      )}
    </SectionCard>
  );
}
