import { Loader, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useState, type FormEvent, type ReactNode } from 'react';
import { formatInstant } from '../../api/interpreting';
import { useChangeRequests, useHandleChangeRequest, type ChangeRequest, type ChangeRequestStatus } from '../../api/portal';
import { usePermission } from '../../api/queries';
import { Facts } from '../../components/Facts';
import { FormButtons } from '../../components/FormButtons';
import { AnchorLink } from '../../components/Link';
import { SuccessNote } from '../../components/nt2/shared';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { WriteProblem } from '../../components/WriteProblem';
import { appointmentKindLabel, CHANGE_REQUEST_STATUS_COLOR, changeRequestStatusLabel } from '../../portalLabels';

type Filter = ChangeRequestStatus | 'all';

/**
 * The newcomers' requests to move an appointment, asked in the portal (issue 6 §3): planners and
 * case workers see who waits longest first and mark a request handled with a note for the record.
 */
export function ChangeRequestsPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Wijzigingsaanvragen`);
  const [filter, setFilter] = useState<Filter>('pending');
  const requests = useChangeRequests(filter);
  const items = requests.data ?? [];
  const [done, setDone] = useState<string | null>(null);
  const onHandled = (name: string) => {
    setDone(t`De aanvraag van ${name} is afgehandeld.`);
    // The request leaves the list of open requests: keep the keyboard at the list.
    const heading = document.getElementById('change-requests-title');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  };
  const filterLabel: Record<Filter, string> = { pending: t`Openstaande aanvragen`, handled: t`Afgehandelde aanvragen`, all: t`Alle aanvragen` };

  return (
    <Stack maw={1000}>
      <Title order={1}>{t`Wijzigingsaanvragen`}</Title>
      <Text>
        {t`Nieuwkomers vragen in het portaal om een afspraak te verplaatsen. Wie het langst wacht, staat bovenaan. Spreek een nieuw moment af met de persoon en handel de aanvraag dan af; de nieuwkomer ziet in het portaal dat ze is afgehandeld.`}
      </Text>
      <SectionCard
        id="change-requests-title"
        title={filterLabel[filter]}
        actions={
          <NativeSelect
            label={t`Tonen`}
            value={filter}
            onChange={(e) => {
              setDone(null);
              setFilter(e.currentTarget.value as Filter);
            }}
            data={[
              { value: 'pending', label: t`Openstaand` },
              { value: 'handled', label: t`Afgehandeld` },
              { value: 'all', label: t`Alle` },
            ]}
          />
        }
      >
        <Stack>
          <div aria-live="polite">
            {requests.isFetching && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
            {requests.isSuccess && !requests.isFetching && (
              <Text size="sm">{plural(items.length, { one: '# aanvraag', other: '# aanvragen' })}</Text>
            )}
          </div>
          <ProblemAlert error={requests.error} />
          {done && <SuccessNote onClose={() => setDone(null)}>{done}</SuccessNote>}
          {requests.isSuccess && items.length === 0 && (
            <Text>{filter === 'pending' ? t`Er wachten geen aanvragen.` : t`Geen aanvragen gevonden.`}</Text>
          )}
          {items.map((r) => (
            <ChangeRequestCard key={r.id} request={r} onHandled={onHandled} />
          ))}
        </Stack>
      </SectionCard>
    </Stack>
  );
}

function ChangeRequestCard({ request: r, onHandled }: { request: ChangeRequest; onHandled: (name: string) => void }) {
  const { t, i18n } = useLingui();
  const canReadPerson = usePermission('person.read');
  const headingId = `change-request-${r.id}`;
  const name = r.name;
  const kind = appointmentKindLabel(i18n, r.appointment.kind);
  const when = formatInstant(i18n.locale, r.appointment.startsAt);
  const rows: [string, ReactNode][] = [
    [t`Afspraak`, <span dir="auto">{r.appointment.title || kind}</span>],
    [t`Wanneer`, when],
    [t`Reden`, <span dir="auto" style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</span>],
    [t`Voorkeursmomenten`, r.preferredMoments ? <span dir="auto" style={{ whiteSpace: 'pre-wrap' }}>{r.preferredMoments}</span> : t`Geen opgegeven`],
    [t`Aangevraagd op`, formatInstant(i18n.locale, r.requestedAt)],
    [t`Status`, <StatusBadge color={CHANGE_REQUEST_STATUS_COLOR[r.status] ?? 'gray'}>{changeRequestStatusLabel(i18n, r.status)}</StatusBadge>],
  ];
  if (r.status === 'handled') {
    const on = r.handledAt ? formatInstant(i18n.locale, r.handledAt) : '';
    const by = r.handledBy;
    rows.push([t`Afgehandeld`, by ? t`door ${by} op ${on}` : on]);
    rows.push([t`Notitie`, r.note ? <span dir="auto" style={{ whiteSpace: 'pre-wrap' }}>{r.note}</span> : '—']);
  }
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {canReadPerson ? (
            <AnchorLink to="/persons/$personId" params={{ personId: r.personId }} dir="auto">
              {r.name}
            </AnchorLink>
          ) : (
            <span dir="auto">{r.name}</span>
          )}
          {` · ${kind}, ${when}`}
        </Title>
        <Facts rows={rows} />
        {r.status === 'pending' && <HandleForm request={r} label={t`Aanvraag van ${name} afhandelen`} onDone={() => onHandled(r.name)} />}
      </Stack>
    </Paper>
  );
}

function HandleForm({ request, label, onDone }: { request: ChangeRequest; label: string; onDone: () => void }) {
  const { t } = useLingui();
  const [note, setNote] = useState('');
  const handle = useHandleChangeRequest(request.id, onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    handle.mutate({ note: note.trim() });
  };
  return (
    <form onSubmit={submit} aria-label={label} noValidate>
      <Stack gap="sm">
        <WriteProblem error={handle.error} handledFields={['note']} />
        <Textarea
          label={t`Notitie`}
          description={t`Niet verplicht. Bijvoorbeeld het nieuwe moment dat je met de persoon afsprak; alleen medewerkers lezen dit.`}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(handle.error, 'note')}
          dir="auto"
        />
        <FormButtons submitLabel={t`Afhandelen`} submitting={handle.isPending} />
      </Stack>
    </form>
  );
}
