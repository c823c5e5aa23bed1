import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import { usePersonSearch } from '../../api/queries';
import type { PersonSummary } from '../../api/types';
import { belgianToday } from '../../api/trajectory';
import { CONVERSATION_KIND_IDS, localToIso, useNt2Write, type ConversationKind, type ConversationView, type CreateConversationInput } from '../../api/dutch';
import { formatDate } from '../../labels';
import { conversationKindLabel } from '../../nt2Labels';
import { FormButtons } from '../FormButtons';
import { fieldError } from '../ProblemAlert';
import { PersonName } from '../PersonName';
import { ColumnHeads, ScrollTable } from '../ScrollTable';
import { Nt2Problem, Nt2RegionSelect } from './shared';

/** Finds a person by name (or INSZ) and picks one. */
export function PersonPicker({ onPick }: { onPick: (person: PersonSummary) => void }) {
  const { t, i18n } = useLingui();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const results = usePersonSearch(q);
  return (
    <Stack>
      <form
        role="search"
        aria-label={t`Persoon zoeken voor het gesprek`}
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
        }}
      >
        <Group align="flex-end">
          <TextInput label={t`Naam of INSZ van de persoon`} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button type="submit" loading={results.isFetching}>
            {t`Zoeken`}
          </Button>
        </Group>
      </form>
      <Nt2Problem error={results.error} />
      {results.data && results.data.length === 0 && <Text role="status">{t`Geen personen gevonden.`}</Text>}
      {results.data && results.data.length > 0 && (
        <ScrollTable minWidth={520} label={t`Gevonden personen`}>
          <ColumnHeads labels={[t`Naam`, t`Geboortedatum`, t`Gemeente`, t`Kiezen`]} />
          <Table.Tbody>
            {results.data.map((p) => {
              const name = `${p.givenNames} ${p.familyName}`;
              return (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <PersonName person={p} />
                </Table.Td>
                <Table.Td>{p.birthDate ? formatDate(i18n.locale, p.birthDate) : '—'}</Table.Td>
                <Table.Td>{p.municipalityName ?? '—'}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => onPick(p)} aria-label={t`${name} kiezen`}>
                    {t`Kiezen`}
                  </Button>
                </Table.Td>
              </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}

const FIELDS = ['kind', 'startsAt', 'endsAt', 'location', 'region', 'temporaryProtection', 'note'];

/** The form to plan an NT2 conversation (or a test-only conversation) for one person. */
export function PlanConversationForm({ personId, onDone, onCancel }: { personId: string; onDone: (c: ConversationView) => void; onCancel?: () => void }) {
  const { t, i18n } = useLingui();
  const [kind, setKind] = useState<ConversationKind>('nt2-gesprek');
  const [date, setDate] = useState(belgianToday());
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('10:00');
  const [location, setLocation] = useState('');
  const [region, setRegion] = useState('');
  const [temporaryProtection, setTemporaryProtection] = useState(false);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const plan = useNt2Write<CreateConversationInput, ConversationView>((body) => ({ path: '/nt2/conversations', body }), onDone);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const empty = [!date && 'date', !start && 'start', !end && 'end'].filter((x): x is string => typeof x === 'string');
    setMissing(empty);
    if (empty.length > 0) return;
    plan.mutate({
      personId,
      kind,
      startsAt: localToIso(`${date}T${start}`),
      endsAt: localToIso(`${date}T${end}`),
      temporaryProtection,
      ...(location.trim() ? { location: location.trim() } : {}),
      ...(region ? { region } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  const required = t`Vul dit veld in.`;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t`Gesprek plannen`}>
      <Stack>
        <Nt2Problem error={plan.error} handledFields={FIELDS} />
        <NativeSelect
          label={t`Soort gesprek`}
          required
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as ConversationKind)}
          data={CONVERSATION_KIND_IDS.map((k) => ({ value: k, label: conversationKindLabel(i18n, k) }))}
          error={fieldError(plan.error, 'kind')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t`Datum`} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={missing.includes('date') ? required : fieldError(plan.error, 'startsAt')} />
          <TextInput type="time" label={t`Beginuur`} required value={start} onChange={(e) => setStart(e.currentTarget.value)} error={missing.includes('start') ? required : undefined} />
          <TextInput type="time" label={t`Einduur`} required value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={missing.includes('end') ? required : fieldError(plan.error, 'endsAt')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t`Locatie`} value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={fieldError(plan.error, 'location')} />
          <Nt2RegionSelect
            label={t`Werkingsgebied`}
            description={t`Leeg: het werkingsgebied van de persoon.`}
            emptyLabel={t`Dat van de persoon`}
            value={region}
            onChange={(e) => setRegion(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Checkbox label={t`Tijdelijke bescherming`} checked={temporaryProtection} onChange={(e) => setTemporaryProtection(e.currentTarget.checked)} />
        <Textarea label={t`Notitie`} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError(plan.error, 'note')} />
        <FormButtons submitLabel={t`Gesprek plannen`} submitting={plan.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
