import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { belgianToday } from '../../api/trajectory';
import { calendarUrl, useModules, useNt2Write, type ModuleView, type PlacementView } from '../../api/dutch';
import { formatDate, regionLabel } from '../../labels';
import { adviceTypeLabel, providerKindLabel } from '../../nt2Labels';
import { ColumnHeads, ScrollTable } from '../ScrollTable';
import { CalendarLink, Nt2Problem, SuccessNote } from './shared';

type Write = { kind: 'place'; startMomentId: string; label: string } | { kind: 'wait'; providerId: string; moduleId: string; label: string };

/**
 * The offer that serves the person's binding advice: modules with their start moments and
 * free seats, to place the person or put them on a provider's waiting list.
 */
export function PlacementOffer({ personId, adviceType }: { personId: string; adviceType: string }) {
  const { t, i18n } = useLingui();
  const modules = useModules({ adviceType, from: belgianToday() });
  const [done, setDone] = useState<string | null>(null);
  const [last, setLast] = useState<Write | null>(null);
  const write = useNt2Write<Write, PlacementView>(
    (w) =>
      w.kind === 'place'
        ? { path: '/nt2/placements', body: { personId, startMomentId: w.startMomentId } }
        : { path: `/nt2/providers/${encodeURIComponent(w.providerId)}/waiting-list`, body: { personId, moduleId: w.moduleId } },
    (_, w) => setDone(w.label),
  );
  const run = (w: Write) => {
    setDone(null);
    setLast(w);
    write.mutate(w);
  };
  const advice = adviceTypeLabel(i18n, adviceType);
  return (
    <Stack>
      <Text>{t`Het advies is bindend (R-15): alleen modules die het advies ${advice} bedienen, staan hieronder.`}</Text>
      {done && (
        <SuccessNote onClose={() => setDone(null)}>
          <Text size="sm">{done}</Text>
        </SuccessNote>
      )}
      <Nt2Problem error={write.error} />
      {modules.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
      <Nt2Problem error={modules.error} />
      {modules.data && modules.data.length === 0 && <Text>{t`Er is geen aanbod dat dit advies bedient.`}</Text>}
      {modules.data?.map((m) => (
        <ModuleOffer key={m.id} module={m} busy={write.isPending ? last : null} onWrite={run} />
      ))}
    </Stack>
  );
}

function ModuleOffer({ module: m, busy, onWrite }: { module: ModuleView; busy: Write | null; onWrite: (w: Write) => void }) {
  const { t, i18n } = useLingui();
  const headingId = `module-${m.id}`;
  const title = `${m.providerName} · ${m.name}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={4} size="h5" id={headingId}>
            {title}
          </Title>
          <Text size="sm">
            {t`Niveau ${m.level}`} · {providerKindLabel(i18n, m.providerKind)} · {m.location}
            {m.region ? ` · ${regionLabel(i18n, m.region)}` : ''}
          </Text>
        </div>
        <Button
          variant="default"
          loading={busy?.kind === 'wait' && busy.moduleId === m.id}
          onClick={() => onWrite({ kind: 'wait', providerId: m.providerId, moduleId: m.id, label: t`Op de wachtlijst van ${m.providerName} gezet.` })}
          aria-label={t`Op de wachtlijst van ${m.providerName} zetten voor ${m.name}`}
        >
          {t`Op de wachtlijst zetten`}
        </Button>
      </Group>
      {m.startMoments.length === 0 ? (
        <Text size="sm">{t`Geen startmomenten gepland.`}</Text>
      ) : (
        <ScrollTable minWidth={640} label={t`Startmomenten van ${title}`}>
          <ColumnHeads labels={[t`Start`, t`Einde`, t`Locatie`, t`Vrije plaatsen`, t`Agenda`, t`Toewijzen`]} />
          <Table.Tbody>
            {m.startMoments.map((s) => {
              const starts = formatDate(i18n.locale, s.startsOn);
              const free = s.free;
              const capacity = s.capacity;
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>{starts}</Table.Td>
                  <Table.Td>{s.endsOn ? formatDate(i18n.locale, s.endsOn) : '—'}</Table.Td>
                  <Table.Td>{s.location}</Table.Td>
                  <Table.Td>{free > 0 ? t`${free} van ${capacity} vrij` : plural(capacity, { one: 'Volzet (# plaats)', other: 'Volzet (# plaatsen)' })}</Table.Td>
                  <Table.Td>
                    <CalendarLink href={calendarUrl.startMoment(s.id)} label={t`Startmoment ${starts} in agenda (.ics)`}>
                      {t`.ics`}
                    </CalendarLink>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      loading={busy?.kind === 'place' && busy.startMomentId === s.id}
                      onClick={() => onWrite({ kind: 'place', startMomentId: s.id, label: t`Toegewezen aan ${title}, start op ${starts}.` })}
                      aria-label={t`Toewijzen aan startmoment ${starts} van ${title}`}
                    >
                      {t`Toewijzen`}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Paper>
  );
}
