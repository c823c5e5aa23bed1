import { ActionIcon, Button, Checkbox, Group, Loader, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import {
  CHANNEL_IDS,
  INTERPRETING_REGIONS,
  LANGUAGE_STATUS_IDS,
  useInterpreters,
  useInterpretingWrite,
  type Channel,
  type CreateInterpreterInput,
  type Interpreter,
  type LanguageStatus,
} from '../../api/interpreting';
import { useLanguages } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormButtons } from '../../components/FormButtons';
import { fieldError } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { WriteProblem } from '../../components/WriteProblem';
import { SuccessNote } from '../../components/nt2/shared';
import { channelLabel, languageStatusLabel, weekdayLabel } from '../../interpretingLabels';
import { regionLabel } from '../../labels';
import { AbsenceForm } from './AbsenceForm';
import { useLanguageName } from './shared';

/** The interpreter register of the desk: the interpreters, adding one, recording an absence. */
export function InterpretersPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Tolkenregister`);
  const interpreters = useInterpreters();
  const languageName = useLanguageName();
  const [adding, setAdding] = useState(false);
  const [absenceFor, setAbsenceFor] = useState<Interpreter | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const items = interpreters.data ?? [];
  return (
    <Stack maw={1300}>
      <Title order={1}>{t`Tolkenregister`}</Title>
      {done && <SuccessNote onClose={() => setDone(null)}>{done}</SuccessNote>}
      <SectionCard id="interpreters-title" title={t`Tolken en vertalers`} actions={<Button onClick={() => setAdding(true)}>{t`Tolk registreren`}</Button>}>
        <Stack>
          {interpreters.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
          <WriteProblem error={interpreters.error} />
          {interpreters.data && items.length === 0 && <Text>{t`Nog geen tolken in het register.`}</Text>}
          {items.length > 0 && (
            <ScrollTable minWidth={1000} label={t`Tolkenregister`}>
              <ColumnHeads labels={[t`Naam`, t`Talen, statuut en kanalen`, t`Regio`, t`Beschikbaarheid`, t`Portaalaccount`, t`Actie`]} />
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Th scope="row" fw={400}>
                      {i.name}
                      <Text size="sm">{i.email}</Text>
                      {!i.active && <Text size="sm">{t`Niet actief`}</Text>}
                    </Table.Th>
                    <Table.Td>
                      {i.languages.map((l) => (
                        <Text size="sm" key={`${l.language}-${l.variant}`}>
                          {languageName(l.language, l.variant)}: {languageStatusLabel(i18n, l.status)} · {l.channels.map((c) => channelLabel(i18n, c)).join(', ')}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>{i.region ? regionLabel(i18n, i.region) : '—'}</Table.Td>
                    <Table.Td>
                      {i.availability.length === 0
                        ? t`Altijd`
                        : i.availability.map((w) => (
                            <Text size="sm" key={`${w.weekday}-${w.starts}`}>
                              {weekdayLabel(i18n, w.weekday)} {w.starts}–{w.ends}
                            </Text>
                          ))}
                    </Table.Td>
                    <Table.Td>{i.userId ? t`Ja` : t`Nee`}</Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="default" onClick={() => setAbsenceFor(i)} aria-label={t`Afwezigheid toevoegen voor ${i.name}`}>
                        {t`Afwezigheid toevoegen`}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Stack>
      </SectionCard>
      <AppModal opened={adding} onClose={() => setAdding(false)} size="xl" title={t`Tolk registreren`}>
        {adding && (
          <InterpreterForm
            onCancel={() => setAdding(false)}
            onDone={(i) => {
              setAdding(false);
              setDone(t`${i.name} is in het register opgenomen.`);
            }}
          />
        )}
      </AppModal>
      <AppModal opened={absenceFor !== null} onClose={() => setAbsenceFor(null)} title={absenceFor ? t`Afwezigheid toevoegen voor ${absenceFor.name}` : ''}>
        {absenceFor && (
          <AbsenceForm
            interpreterId={absenceFor.id}
            onCancel={() => setAbsenceFor(null)}
            onDone={() => {
              const name = absenceFor.name;
              setAbsenceFor(null);
              setDone(t`De afwezigheid van ${name} is opgeslagen.`);
            }}
          />
        )}
      </AppModal>
    </Stack>
  );
}

interface LanguageRow {
  language: string;
  variant: string;
  status: LanguageStatus;
  channels: Channel[];
}
interface WindowRow {
  weekday: number;
  starts: string;
  ends: string;
}

function InterpreterForm({ onCancel, onDone }: { onCancel: () => void; onDone: (i: Interpreter) => void }) {
  const { t, i18n } = useLingui();
  const languages = useLanguages(i18n.locale);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [region, setRegion] = useState('');
  const [latitude, setLatitude] = useState('');
  const [longitude, setLongitude] = useState('');
  const [maxTravelKm, setMaxTravelKm] = useState('60');
  const [userId, setUserId] = useState('');
  const [rows, setRows] = useState<LanguageRow[]>([{ language: '', variant: '', status: 'certified', channels: ['on-site', 'phone', 'video'] }]);
  const [windows, setWindows] = useState<WindowRow[]>([1, 2, 3, 4, 5].map((weekday) => ({ weekday, starts: '08:00', ends: '18:00' })));
  const create = useInterpretingWrite<CreateInterpreterInput, Interpreter>((body) => ({ path: '/interpreting/interpreters', body }), onDone);
  const err = (field: string) => fieldError(create.error, field);
  const setRow = (index: number, patch: Partial<LanguageRow>) => setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const setWindow = (index: number, patch: Partial<WindowRow>) => setWindows((ws) => ws.map((w, i) => (i === index ? { ...w, ...patch } : w)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      name: name.trim(),
      email: email.trim(),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(region ? { region: region as NonNullable<CreateInterpreterInput['region']> } : {}),
      ...(latitude && longitude ? { latitude: Number(latitude), longitude: Number(longitude) } : {}),
      maxTravelKm: Number(maxTravelKm || 0),
      languages: rows.filter((r) => r.language).map((r) => ({ ...r, variant: r.variant.trim() })),
      availability: windows,
      ...(userId.trim() ? { userId: userId.trim() } : {}),
    });
  };
  const languageOptions = [{ value: '', label: t`Kies een taal` }, ...(languages.data ?? []).map((l) => ({ value: l.code, label: l.name }))];
  return (
    <form onSubmit={submit} aria-label={t`Tolk registreren`} noValidate>
      <Stack>
        <WriteProblem error={create.error} handledFields={['name', 'email', 'phone', 'userId']} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t`Naam`} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={err('name')} />
          <TextInput label={t`E-mailadres`} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={err('email')} />
          <TextInput label={t`Telefoon`} type="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={err('phone')} />
          <NativeSelect
            label={t`Regio`}
            value={region}
            onChange={(e) => setRegion(e.currentTarget.value)}
            data={[{ value: '', label: t`Onbekend` }, ...INTERPRETING_REGIONS.map((r) => ({ value: r, label: regionLabel(i18n, r) }))]}
          />
          <TextInput label={t`Breedtegraad (woonplaats)`} inputMode="decimal" value={latitude} onChange={(e) => setLatitude(e.currentTarget.value)} error={err('latitude')} />
          <TextInput label={t`Lengtegraad (woonplaats)`} inputMode="decimal" value={longitude} onChange={(e) => setLongitude(e.currentTarget.value)} error={err('longitude')} />
          <TextInput label={t`Maximale verplaatsing (km)`} type="number" min={0} max={500} value={maxTravelKm} onChange={(e) => setMaxTravelKm(e.currentTarget.value)} error={err('maxTravelKm')} />
          <TextInput
            label={t`Gebruikers-ID van het portaalaccount`}
            description={t`Het account met de rol sociaal tolk; de beheerder vindt de ID bij de gebruikers.`}
            value={userId}
            onChange={(e) => setUserId(e.currentTarget.value)}
            error={err('userId')}
          />
        </SimpleGrid>
        <fieldset style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
          <Text component="legend" fw={600} mb="xs">
            {t`Talen`}
          </Text>
          {err('languages') && (
            <Text c="red.8" size="sm" role="alert">
              {err('languages')}
            </Text>
          )}
          <Stack gap="md">
            {rows.map((row, index) => {
              const n = index + 1;
              return (
                <fieldset key={index} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, padding: 'var(--mantine-spacing-sm)', margin: 0, minInlineSize: 0 }}>
                  <legend>{t`Taal ${n}`}</legend>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <NativeSelect label={t`Taal`} value={row.language} onChange={(e) => setRow(index, { language: e.currentTarget.value })} data={languageOptions} error={err(`languages.${index}.language`)} />
                    <TextInput label={t`Variant`} value={row.variant} onChange={(e) => setRow(index, { variant: e.currentTarget.value })} maxLength={40} />
                    <NativeSelect
                      label={t`Statuut`}
                      value={row.status}
                      onChange={(e) => setRow(index, { status: e.currentTarget.value as LanguageStatus })}
                      data={LANGUAGE_STATUS_IDS.map((s) => ({ value: s, label: languageStatusLabel(i18n, s) }))}
                    />
                  </SimpleGrid>
                  <Checkbox.Group
                    mt="xs"
                    label={t`Kanalen`}
                    value={row.channels}
                    onChange={(v) => setRow(index, { channels: v as Channel[] })}
                  >
                    <Group mt={4}>
                      {CHANNEL_IDS.map((c) => (
                        <Checkbox key={c} value={c} label={channelLabel(i18n, c)} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  {rows.length > 1 && (
                    <Button mt="xs" size="compact-sm" variant="default" onClick={() => setRows((rs) => rs.filter((_, i) => i !== index))}>
                      {t`Taal ${n} verwijderen`}
                    </Button>
                  )}
                </fieldset>
              );
            })}
            <Button variant="default" w="fit-content" onClick={() => setRows((rs) => [...rs, { language: '', variant: '', status: 'certified', channels: ['on-site'] }])}>
              {t`Taal toevoegen`}
            </Button>
          </Stack>
        </fieldset>
        <fieldset style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
          <Text component="legend" fw={600} mb="xs">
            {t`Beschikbaarheid per week`}
          </Text>
          <Text size="sm" mb="xs">
            {t`Zonder vensters is de tolk altijd beschikbaar.`}
          </Text>
          <Stack gap="xs">
            {windows.map((w, index) => {
              const day = weekdayLabel(i18n, w.weekday);
              return (
                <Group key={index} align="end" gap="sm">
                  <NativeSelect
                    label={t`Dag`}
                    value={String(w.weekday)}
                    onChange={(e) => setWindow(index, { weekday: Number(e.currentTarget.value) })}
                    data={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayLabel(i18n, d) }))}
                  />
                  <TextInput type="time" label={t`Van`} value={w.starts} onChange={(e) => setWindow(index, { starts: e.currentTarget.value })} />
                  <TextInput type="time" label={t`Tot`} value={w.ends} onChange={(e) => setWindow(index, { ends: e.currentTarget.value })} />
                  <ActionIcon variant="default" size="lg" onClick={() => setWindows((ws) => ws.filter((_, i) => i !== index))} aria-label={t`Venster op ${day} verwijderen`}>
                    <span aria-hidden>×</span>
                  </ActionIcon>
                </Group>
              );
            })}
            <Button variant="default" w="fit-content" onClick={() => setWindows((ws) => [...ws, { weekday: 1, starts: '08:00', ends: '18:00' }])}>
              {t`Venster toevoegen`}
            </Button>
          </Stack>
        </fieldset>
        <FormButtons submitLabel={t`Tolk registreren`} submitting={create.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
