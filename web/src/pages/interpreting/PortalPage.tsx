import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import { intlLocale, useInterpretingWrite, useMyAssignments, type Assignment, type CompleteResult } from '../../api/interpreting';
import { FullPageLoader } from '../../components/AppLayout';
import { Facts } from '../../components/Facts';
import { FormButtons } from '../../components/FormButtons';
import { fieldError } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { WriteProblem } from '../../components/WriteProblem';
import { SuccessNote } from '../../components/nt2/shared';
import { channelLabel } from '../../interpretingLabels';
import { AbsenceForm } from './AbsenceForm';
import { AssignmentStatus, ChargeSummary, useLanguageName } from './shared';
import { formatInstant } from '../../api/interpreting';

/** The interpreter's portal (mobile first): own offers and assignments, the performance record, absences. */
export function PortalPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Mijn opdrachten`);
  const mine = useMyAssignments();
  const [done, setDone] = useState<string | null>(null);
  const [charges, setCharges] = useState<Record<string, CompleteResult['charge']>>({});
  if (mine.isPending) return <FullPageLoader />;
  const items = mine.data?.items ?? [];
  const offers = items.filter((a) => a.status === 'offered');
  const assignments = items.filter((a) => a.status !== 'offered');
  return (
    <Stack maw={760}>
      <div>
        <Title order={1}>{t`Mijn opdrachten`}</Title>
        {mine.data && <Text size="lg">{mine.data.interpreter.name}</Text>}
      </div>
      <WriteProblem error={mine.error} />
      {done && <SuccessNote onClose={() => setDone(null)}>{done}</SuccessNote>}
      {mine.data && (
        <>
          <SectionCard id="offers-title" title={t`Aanbiedingen`}>
            {offers.length === 0 ? (
              <Text>{t`Geen openstaande aanbiedingen.`}</Text>
            ) : (
              <Stack>
                {offers.map((a) => (
                  <AssignmentCard key={a.id} assignment={a} onDone={setDone} />
                ))}
              </Stack>
            )}
          </SectionCard>
          <SectionCard id="assignments-title" title={t`Opdrachten`}>
            {assignments.length === 0 ? (
              <Text>{t`Nog geen opdrachten.`}</Text>
            ) : (
              <Stack>
                {assignments.map((a) => (
                  <AssignmentCard
                    key={a.id}
                    assignment={a}
                    charge={charges[a.id]}
                    onDone={setDone}
                    onCharge={(charge) => setCharges((c) => ({ ...c, [a.id]: charge }))}
                  />
                ))}
              </Stack>
            )}
          </SectionCard>
          <SectionCard id="absence-title" title={t`Afwezigheid melden`}>
            <AbsenceForm interpreterId={mine.data.interpreter.id} onDone={() => setDone(t`Je afwezigheid is opgeslagen.`)} />
          </SectionCard>
        </>
      )}
    </Stack>
  );
}

function AssignmentCard({
  assignment: a,
  charge,
  onDone,
  onCharge,
}: {
  assignment: Assignment;
  charge?: CompleteResult['charge'] | undefined;
  onDone: (message: string) => void;
  onCharge?: (charge: CompleteResult['charge']) => void;
}) {
  const { t, i18n } = useLingui();
  const languageName = useLanguageName();
  const when = a.startsAt ? formatInstant(i18n.locale, a.startsAt) : '—';
  const respond = useInterpretingWrite<boolean, Assignment>(
    (accept) => ({ path: `/interpreting/assignments/${a.id}/respond`, body: { accept } }),
    (_r, accept) => onDone(accept ? t`Je hebt de opdracht van ${when} aanvaard.` : t`Je hebt de opdracht van ${when} geweigerd.`),
  );
  const withdraw = useInterpretingWrite<void, Assignment>(
    () => ({ path: `/interpreting/assignments/${a.id}/withdraw`, body: {} }),
    () => onDone(t`Je hebt de opdracht van ${when} teruggegeven; de centrale zoekt een andere tolk.`),
  );
  const [confirmingWithdraw, setConfirmingWithdraw] = useState(false);
  const started = a.startsAt !== null && new Date(a.startsAt).getTime() <= Date.now();
  const headingId = `assignment-${a.id}`;
  const ends = a.endsAt ? new Intl.DateTimeFormat(intlLocale(i18n.locale), { timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(a.endsAt)) : '';
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="start" wrap="wrap">
          <Title order={3} size="h4" id={headingId}>
            {t`${languageName(a.language, a.variant)} op ${when}`}
          </Title>
          <AssignmentStatus status={a.status} />
        </Group>
        <Facts
          rows={[
            [t`Wanneer`, ends ? `${when} – ${ends}` : when],
            [t`Kanaal`, channelLabel(i18n, a.channel)],
            [t`Onderwerp`, a.subject],
            ...(a.address ? ([[t`Adres`, a.address]] as [string, string][]) : []),
            ...(a.actualMinutes !== null ? ([[t`Werkelijke duur`, t`${a.actualMinutes} minuten`]] as [string, string][]) : []),
          ]}
        />
        <WriteProblem error={respond.error} />
        {a.status === 'offered' && (
          <Group>
            <Button onClick={() => respond.mutate(true)} loading={respond.isPending && respond.variables === true} aria-label={t`Aanvaarden: ${a.subject} op ${when}`}>
              {t`Aanvaarden`}
            </Button>
            <Button variant="default" onClick={() => respond.mutate(false)} loading={respond.isPending && respond.variables === false} aria-label={t`Weigeren: ${a.subject} op ${when}`}>
              {t`Weigeren`}
            </Button>
          </Group>
        )}
        {a.status === 'accepted' && !started && (
          <>
            <Text size="sm">{t`Na de opdracht registreer je hier de werkelijke duur en de verplaatsing.`}</Text>
            <WriteProblem error={withdraw.error} />
            {confirmingWithdraw ? (
              <Group>
                <Text size="sm" role="alert">{t`Kun je echt niet? De opdracht gaat terug naar de centrale en telt mee in je betrouwbaarheid.`}</Text>
                <Button color="red" onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
                  {t`Ja, opdracht teruggeven`}
                </Button>
                <Button variant="default" onClick={() => setConfirmingWithdraw(false)}>
                  {t`Nee, ik ga`}
                </Button>
              </Group>
            ) : (
              <Group>
                <Button variant="default" onClick={() => setConfirmingWithdraw(true)} aria-label={t`Ik kan niet meer: ${a.subject} op ${when}`}>
                  {t`Ik kan niet meer`}
                </Button>
              </Group>
            )}
          </>
        )}
        {a.status === 'accepted' && started && onCharge && (
          <PerformanceForm assignment={a} onDone={(result) => {
            onCharge(result.charge);
            onDone(t`Je prestatie voor ${a.subject} is geregistreerd.`);
          }} />
        )}
        {charge && (
          <div>
            <Text fw={600}>{t`Aanrekening`}</Text>
            <ChargeSummary charge={charge} />
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function PerformanceForm({ assignment, onDone }: { assignment: Assignment; onDone: (result: CompleteResult) => void }) {
  const { t } = useLingui();
  const [minutes, setMinutes] = useState('');
  const [km, setKm] = useState('0');
  const [waiting, setWaiting] = useState('0');
  const complete = useInterpretingWrite<{ actualMinutes: number; travelKm: number; waitingMinutes: number }, CompleteResult>(
    (body) => ({ path: `/interpreting/assignments/${assignment.id}/complete`, body }),
    onDone,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    complete.mutate({ actualMinutes: Number(minutes), travelKm: Number(km || 0), waitingMinutes: Number(waiting || 0) });
  };
  const title = t`Prestatie registreren`;
  return (
    <form onSubmit={submit} aria-label={`${title}: ${assignment.subject}`} noValidate>
      <Stack gap="sm">
        <Text fw={600}>{title}</Text>
        <WriteProblem error={complete.error} handledFields={['actualMinutes', 'travelKm', 'waitingMinutes']} />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <TextInput type="number" inputMode="numeric" label={t`Werkelijke duur (minuten)`} required min={1} max={720} value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} error={fieldError(complete.error, 'actualMinutes')} />
          <TextInput type="number" inputMode="decimal" label={t`Verplaatsing (km)`} min={0} max={300} value={km} onChange={(e) => setKm(e.currentTarget.value)} error={fieldError(complete.error, 'travelKm')} />
          <TextInput type="number" inputMode="numeric" label={t`Wachttijd (minuten)`} min={0} max={240} value={waiting} onChange={(e) => setWaiting(e.currentTarget.value)} error={fieldError(complete.error, 'waitingMinutes')} />
        </SimpleGrid>
        <FormButtons submitLabel={t`Prestatie registreren`} submitting={complete.isPending} />
      </Stack>
    </form>
  );
}
