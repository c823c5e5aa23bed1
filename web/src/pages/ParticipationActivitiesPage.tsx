import { Checkbox, Loader, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import { useAddActivity, useParticipationActivities } from '../api/portal';
import { FormButtons } from '../components/FormButtons';
import { SuccessNote } from '../components/nt2/shared';
import { useLanguageName, useLanguageOptions } from '../components/planning/shared';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../components/ScrollTable';
import { SectionCard } from '../components/SectionCard';
import { StatusBadge } from '../components/StatusBadge';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { WriteProblem } from '../components/WriteProblem';

/**
 * The participation catalogue (ENT-27): the activities a newcomer can choose in the portal for the
 * participation pillar, and the form to add one. Inactive activities are listed but not offered.
 */
export function ParticipationActivitiesPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Participatieaanbod`);
  const activities = useParticipationActivities();
  const languageName = useLanguageName();
  const items = activities.data ?? [];
  const label = t`Activiteiten in het participatieaanbod`;
  return (
    <Stack maw={1100}>
      <Title order={1}>{t`Participatieaanbod`}</Title>
      <Text>{t`Nieuwkomers kiezen in het portaal een actieve activiteit uit dit aanbod voor de pijler participatie.`}</Text>
      <SectionCard id="activities-title" title={t`Activiteiten`}>
        <Stack>
          <div aria-live="polite">{activities.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}</div>
          <ProblemAlert error={activities.error} />
          {activities.isSuccess && items.length === 0 && <Text>{t`Het aanbod is nog leeg.`}</Text>}
          {items.length > 0 && (
            <ScrollTable minWidth={760} label={label}>
              <caption>
                <VisuallyHidden>{label}</VisuallyHidden>
              </caption>
              <ColumnHeads labels={[t`Naam`, t`Organisatie`, t`Uren`, t`Locatie`, t`Taal`, t`Status`]} />
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Th scope="row" fw={600} dir="auto">
                      {a.name}
                    </Table.Th>
                    <Table.Td dir="auto">{a.organisation}</Table.Td>
                    <Table.Td>{a.hours}</Table.Td>
                    <Table.Td dir="auto">{a.place ?? '—'}</Table.Td>
                    <Table.Td>{a.language ? languageName(a.language) : '—'}</Table.Td>
                    <Table.Td>
                      <StatusBadge color={a.active ? 'green' : 'gray'}>{a.active ? t`Actief` : t`Niet actief`}</StatusBadge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Stack>
      </SectionCard>
      <AddActivityForm />
    </Stack>
  );
}

const FIELDS = ['name', 'organisation', 'hours', 'place', 'language', 'active'] as const;

function AddActivityForm() {
  const { t } = useLingui();
  const languageOptions = useLanguageOptions();
  const blank = { name: '', organisation: '', hours: '' as string | number, place: '', language: '', active: true };
  const [v, setV] = useState(blank);
  const [missing, setMissing] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const add = useAddActivity((activity) => {
    setDone(t`“${activity.name}” staat in het participatieaanbod.`);
    setV(blank);
  });
  const error = add.error;
  const errorFor = (name: string) => (missing.includes(name) ? t`Vul dit veld in.` : fieldError(error, name));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const empty = (['name', 'organisation', 'hours'] as const).filter((k) => String(v[k]).trim() === '');
    setMissing(empty);
    if (empty.length > 0) return;
    add.mutate({
      name: v.name.trim(),
      organisation: v.organisation.trim(),
      hours: typeof v.hours === 'number' ? v.hours : Number(v.hours),
      ...(v.place.trim() ? { place: v.place.trim() } : {}),
      ...(v.language ? { language: v.language } : {}),
      active: v.active,
    });
  };
  return (
    <SectionCard id="add-activity-title" title={t`Activiteit toevoegen`}>
      <form onSubmit={submit} aria-labelledby="add-activity-title" noValidate>
        <Stack>
          {done && <SuccessNote onClose={() => setDone(null)}>{done}</SuccessNote>}
          <WriteProblem error={error} handledFields={FIELDS} />
          {missing.length > 0 && (
            <Text c="red.8" size="sm" role="alert">
              {t`Vul de verplichte velden in.`}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t`Naam`} required maxLength={200} value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={errorFor('name')} dir="auto" />
            <TextInput
              label={t`Organisatie`}
              required
              maxLength={200}
              value={v.organisation}
              onChange={(e) => setV({ ...v, organisation: e.currentTarget.value })}
              error={errorFor('organisation')}
              dir="auto"
            />
            <NumberInput
              label={t`Uren`}
              description={t`Hoeveel uur participatie de activiteit telt.`}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              required
              min={0}
              max={500}
              allowNegative={false}
              decimalScale={2}
              value={v.hours}
              onChange={(hours) => setV({ ...v, hours })}
              error={errorFor('hours')}
            />
            <TextInput label={t`Locatie`} maxLength={300} value={v.place} onChange={(e) => setV({ ...v, place: e.currentTarget.value })} error={errorFor('place')} dir="auto" />
            <NativeSelect
              label={t`Taal`}
              description={t`De taal die in de activiteit gesproken wordt.`}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={v.language}
              onChange={(e) => setV({ ...v, language: e.currentTarget.value })}
              data={[{ value: '', label: t`Niet opgegeven` }, ...languageOptions]}
              error={errorFor('language')}
            />
          </SimpleGrid>
          <Checkbox
            label={t`Actief: nieuwkomers kunnen deze activiteit in het portaal kiezen`}
            checked={v.active}
            onChange={(e) => setV({ ...v, active: e.currentTarget.checked })}
            error={errorFor('active')}
          />
          <FormButtons submitLabel={t`Activiteit toevoegen`} submitting={add.isPending} />
        </Stack>
      </form>
    </SectionCard>
  );
}
