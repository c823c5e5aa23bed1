import { Alert, Button, Checkbox, Group, Loader, MultiSelect, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useState, type FormEvent } from 'react';
import { addDays, brusselsDateTime, useSlotBookings, useTestCentres, useTestSlots, type TestBooking, type TestCentre, type TestSlot } from '../../api/orientation';
import { usePermission, usePerson, usePersonSearch } from '../../api/queries';
import { belgianToday } from '../../api/trajectory';
import { AppModal } from '../../components/AppModal';
import { FormButtons } from '../../components/FormButtons';
import { AnchorLink } from '../../components/Link';
import { originalName, PersonName } from '../../components/PersonName';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { RegionSelect, useLanguageName, useLanguageOptions, useMoWrite, WriteProblem } from '../../components/planning/shared';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, regionLabel } from '../../labels';
import { BOOKING_KINDS, BOOKING_STATUS_COLOR, bookingKindLabel, bookingStatusLabel, formatBelgianDateTime } from '../../planningLabels';

/** The test-centre view: centres, their test slots with free seats, and the bookings of a slot. */
export function TestCentrePage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Testcentra en toetsen`);
  const centres = useTestCentres();
  const languageName = useLanguageName();
  const [creatingCentre, setCreatingCentre] = useState(false);
  const [centreId, setCentreId] = useState('');
  const [from, setFrom] = useState(belgianToday());
  const [to, setTo] = useState(addDays(belgianToday(), 60));
  const slots = useTestSlots({ ...(centreId ? { centreId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const [slotId, setSlotId] = useState<string | null>(null);
  const selectedSlot = slots.data?.find((s) => s.id === slotId) ?? null;
  const centreOf = (id: string) => centres.data?.find((c) => c.id === id);
  const centreLabel = t`Testcentra`;
  const slotLabel = t`Toetsmomenten`;

  return (
    <Stack maw={1200}>
      <Title order={1}>{t`Testcentra en toetsen`}</Title>
      <Text>{t`Toetsmomenten en vrijstellingstests maatschappelijke oriëntatie: plaatsen per testcentrum, boekingen en resultaten.`}</Text>

      <SectionCard id="centres-title" title={centreLabel} actions={!creatingCentre && <Button onClick={() => setCreatingCentre(true)}>{t`Nieuw testcentrum`}</Button>}>
        <Stack>
          {creatingCentre && <CentreForm onDone={() => setCreatingCentre(false)} />}
          <ProblemAlert error={centres.error} />
          {centres.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
          {centres.isSuccess && centres.data.length === 0 && <Text>{t`Nog geen testcentra.`}</Text>}
          {centres.data && centres.data.length > 0 && (
            <ScrollTable minWidth={720} label={centreLabel}>
              <ColumnHeads labels={[t`Naam`, t`Werkingsgebied`, t`Adres`, t`Testtalen`]} />
              <Table.Tbody>
                {centres.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" dir="auto">
                      {c.name}
                    </Table.Th>
                    <Table.Td>{regionLabel(i18n, c.region)}</Table.Td>
                    <Table.Td dir="auto">{c.address}</Table.Td>
                    <Table.Td>{c.languages.map(languageName).join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Stack>
      </SectionCard>

      <SectionCard id="slots-title" title={slotLabel}>
        <Stack>
          <form role="search" aria-label={t`Toetsmomenten filteren`} onSubmit={(e) => e.preventDefault()}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label={t`Testcentrum`}
                value={centreId}
                onChange={(e) => setCentreId(e.currentTarget.value)}
                data={[{ value: '', label: t`Alle testcentra` }, ...(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
              />
              <TextInput type="date" label={t`Van`} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
              <TextInput type="date" label={t`Tot en met`} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            </SimpleGrid>
          </form>
          <div aria-live="polite">{slots.isFetching && <Loader size="sm" aria-label={t`Bezig met laden…`} />}</div>
          <ProblemAlert error={slots.error} />
          {slots.isSuccess && slots.data.length === 0 && <Text>{t`Geen toetsmomenten in deze periode.`}</Text>}
          {slots.data && slots.data.length > 0 && (
            <ScrollTable minWidth={760} label={slotLabel}>
              <caption>
                <VisuallyHidden>{slotLabel}</VisuallyHidden>
              </caption>
              <ColumnHeads labels={[t`Moment`, t`Testcentrum`, t`Plaatsen`, t`Geboekt`, t`Vrij`, t`Boekingen`]} />
              <Table.Tbody>
                {slots.data.map((s) => {
                  const when = formatBelgianDateTime(i18n.locale, s.startsAt);
                  return (
                    <Table.Tr key={s.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{when}</Table.Td>
                      <Table.Td dir="auto">{s.centreName}</Table.Td>
                      <Table.Td>{s.capacity}</Table.Td>
                      <Table.Td>{s.booked}</Table.Td>
                      <Table.Td>{s.free > 0 ? s.free : <StatusBadge color="orange">{t`Volzet`}</StatusBadge>}</Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant={s.id === slotId ? 'filled' : 'default'}
                          aria-pressed={s.id === slotId}
                          aria-label={t`Boekingen tonen: ${s.centreName}, ${when}`}
                          onClick={() => setSlotId(s.id)}
                        >
                          {t`Boekingen tonen`}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </ScrollTable>
          )}
          {centres.data && centres.data.length > 0 && <SlotForm centres={centres.data} initialCentreId={centreId} />}
        </Stack>
      </SectionCard>

      {selectedSlot && <SlotBookings key={selectedSlot.id} slot={selectedSlot} centre={centreOf(selectedSlot.centreId)} />}
    </Stack>
  );
}

function CentreForm({ onDone }: { onDone: () => void }) {
  const { t } = useLingui();
  const languageOptions = useLanguageOptions();
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [address, setAddress] = useState('');
  const [languages, setLanguages] = useState<string[]>(['nl']);
  const [missing, setMissing] = useState<string[]>([]);
  const write = useMoWrite<TestCentre>(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = [...(name.trim() ? [] : ['name']), ...(region ? [] : ['region']), ...(address.trim() ? [] : ['address']), ...(languages.length ? [] : ['languages'])];
    setMissing(empty);
    if (empty.length > 0) return;
    write.mutate({ path: '/mo/test-centres', body: { name: name.trim(), region, address: address.trim(), languages } });
  };
  const errorFor = (f: string) => (missing.includes(f) ? t`Vul dit veld in.` : fieldError(write.error, f));
  const languageError = errorFor('languages') ?? fieldError(write.error, 'languages.0');
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-centre-title">
      <Stack>
        <Title order={3} size="h4" id="new-centre-title">
          {t`Nieuw testcentrum`}
        </Title>
        <WriteProblem error={write.error} handledFields={['name', 'region', 'address', 'languages', 'languages.0']} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t`Naam van het testcentrum`} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errorFor('name')} dir="auto" />
          <RegionSelect label={t`Werkingsgebied`} required emptyLabel={t`Kies…`} value={region} onChange={(e) => setRegion(e.currentTarget.value)} error={errorFor('region')} />
          <TextInput label={t`Adres`} required value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={errorFor('address')} dir="auto" />
          <MultiSelect
            label={t`Testtalen`}
            description={t`Voor een andere taal wordt een videotolk geboekt.`}
            required
            searchable
            selectFirstOptionOnChange
            data={languageOptions}
            value={languages}
            onChange={setLanguages}
            error={languageError}
            nothingFoundMessage={t`Geen taal gevonden`}
          />
        </SimpleGrid>
        <FormButtons submitLabel={t`Testcentrum toevoegen`} submitting={write.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function SlotForm({ centres, initialCentreId }: { centres: TestCentre[]; initialCentreId: string }) {
  const { t, i18n } = useLingui();
  const [centreId, setCentreId] = useState(initialCentreId || centres[0]?.id || '');
  const [date, setDate] = useState(addDays(belgianToday(), 7));
  const [time, setTime] = useState('09:00');
  const [capacity, setCapacity] = useState<string | number>(10);
  const [created, setCreated] = useState<TestSlot | null>(null);
  const write = useMoWrite<{ items: TestSlot[] }>((r) => setCreated(r.items[0] ?? null));
  useEffect(() => {
    if (initialCentreId) setCentreId(initialCentreId);
  }, [initialCentreId]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    write.mutate({ path: `/mo/test-centres/${encodeURIComponent(centreId)}/slots`, body: { slots: [{ startsAt: brusselsDateTime(date, time), capacity: Number(capacity || 1) }] } });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-slot-title">
      <Stack>
        <Title order={3} size="h4" id="new-slot-title">
          {t`Toetsmoment openen`}
        </Title>
        <WriteProblem error={write.error} handledFields={['slots.0.startsAt', 'slots.0.capacity']} />
        {created && (
          <Alert color="green" variant="light" role="status">
            {t`Toetsmoment geopend: ${created.centreName}, ${formatBelgianDateTime(i18n.locale, created.startsAt)}.`}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <NativeSelect label={t`Testcentrum voor het toetsmoment`} required value={centreId} onChange={(e) => setCentreId(e.currentTarget.value)} data={centres.map((c) => ({ value: c.id, label: c.name }))} />
          <TextInput type="date" label={t`Datum`} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fieldError(write.error, 'slots.0.startsAt')} />
          <TextInput type="time" label={t`Beginuur (Belgische tijd)`} required value={time} onChange={(e) => setTime(e.currentTarget.value)} />
          <NumberInput label={t`Aantal plaatsen`} required min={1} max={500} allowDecimal={false} value={capacity} onChange={setCapacity} error={fieldError(write.error, 'slots.0.capacity')} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t`Toetsmoment openen`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type BookingDialog = { kind: 'result'; booking: TestBooking; name: string } | null;

/** The bookings of one slot, with booking, cancelling, no-show and results. */
function SlotBookings({ slot, centre }: { slot: TestSlot; centre: TestCentre | undefined }) {
  const { t, i18n } = useLingui();
  const bookings = useSlotBookings(slot.id);
  const [dialog, setDialog] = useState<BookingDialog>(null);
  const when = formatBelgianDateTime(i18n.locale, slot.startsAt);
  const title = t`Boekingen: ${slot.centreName}, ${when}`;
  useEffect(() => {
    const heading = document.getElementById('bookings-title');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }, []);
  return (
    <SectionCard id="bookings-title" title={title}>
      <Stack>
        <Text>{t`${slot.booked} van ${slot.capacity} plaatsen geboekt, ${slot.free} vrij.`}</Text>
        <ProblemAlert error={bookings.error} />
        {bookings.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
        {bookings.isSuccess && bookings.data.length === 0 && <Text>{t`Nog niemand geboekt.`}</Text>}
        {bookings.data && bookings.data.length > 0 && (
          <ScrollTable minWidth={1150} label={title}>
            <ColumnHeads labels={[t`Persoon`, t`Soort`, t`Taal`, t`Ondersteuning`, t`Status`, t`Resultaat`, t`Acties`]} />
            <Table.Tbody>
              {bookings.data.map((b) => (
                <BookingRow key={b.id} booking={b} onResult={(name) => setDialog({ kind: 'result', booking: b, name })} />
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
        {slot.free > 0 && Date.parse(slot.startsAt) > Date.now() ? (
          <BookForm slot={slot} centre={centre} />
        ) : (
          <Text size="sm">{slot.free > 0 ? t`Dit toetsmoment is voorbij: boeken kan niet meer.` : t`Dit toetsmoment is volzet.`}</Text>
        )}
      </Stack>
      <AppModal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? t`Resultaat van ${dialog.name}` : ''}>
        {dialog && <ResultForm booking={dialog.booking} onDone={() => setDialog(null)} />}
      </AppModal>
    </SectionCard>
  );
}

function BookingRow({ booking: b, onResult }: { booking: TestBooking; onResult: (name: string) => void }) {
  const { t, i18n } = useLingui();
  const person = usePerson(b.personId);
  const languageName = useLanguageName();
  const canReadDossier = usePermission('dossier.read');
  const cancel = useMoWrite();
  const noShow = useMoWrite();
  const name = person.data ? originalName(person.data) : t`Persoon`;
  const past = Date.parse(b.startsAt) <= Date.now();
  const percent = (s: { correct: number; total: number }) => Math.round((s.correct / s.total) * 100);
  return (
    <Table.Tr>
      <Table.Td>
        {person.data ? (
          <AnchorLink to="/persons/$personId" params={{ personId: b.personId }} underline="always">
            <PersonName person={person.data} />
          </AnchorLink>
        ) : (
          <Loader size="xs" aria-label={t`Bezig met laden…`} />
        )}
      </Table.Td>
      <Table.Td>{bookingKindLabel(i18n, b.kind)}</Table.Td>
      <Table.Td>{languageName(b.language)}</Table.Td>
      <Table.Td>
        {b.videoInterpreter && <Text size="sm">{t`Met videotolk`}</Text>}
        {b.audioSupport && <Text size="sm">{t`Met audio-ondersteuning`}</Text>}
        {!b.videoInterpreter && !b.audioSupport && '—'}
      </Table.Td>
      <Table.Td style={{ minWidth: '8rem' }}>
        <StatusBadge color={BOOKING_STATUS_COLOR[b.status] ?? 'gray'}>{bookingStatusLabel(i18n, b.status)}</StatusBadge>
      </Table.Td>
      <Table.Td>
        {b.result ? (
          <Stack gap={2}>
            <Text size="sm">{t`Kennis: ${b.result.core.correct}/${b.result.core.total} (${percent(b.result.core)}%)`}</Text>
            <Text size="sm">{t`Praktijk: ${b.result.practical.correct}/${b.result.practical.total} (${percent(b.result.practical)}%)`}</Text>
            {canReadDossier ? (
              <AnchorLink to="/dossiers/$dossierId" params={{ dossierId: b.dossierId }} size="sm" aria-label={t`Uitslag van ${name} in het dossier bekijken`}>
                {t`Uitslag in het dossier`}
              </AnchorLink>
            ) : (
              <Text size="xs">{t`De uitslag (geslaagd of niet) staat in de pijler maatschappelijke oriëntatie van het dossier.`}</Text>
            )}
          </Stack>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {b.status === 'booked' && (
          <Stack gap={4} align="flex-start">
            <ProblemAlert error={cancel.error ?? noShow.error} />
            <Group gap="xs" wrap="nowrap">
              {past ? (
                <>
                  <Button size="compact-sm" onClick={() => onResult(name)} aria-label={t`Resultaat van ${name} registreren`}>
                    {t`Resultaat`}
                  </Button>
                  <Button size="compact-sm" variant="default" loading={noShow.isPending} onClick={() => noShow.mutate({ path: `/mo/test-bookings/${b.id}/no-show` })} aria-label={t`${name} niet opgedaagd`}>
                    {t`Niet opgedaagd`}
                  </Button>
                </>
              ) : (
                <Button size="compact-sm" variant="default" loading={cancel.isPending} onClick={() => cancel.mutate({ path: `/mo/test-bookings/${b.id}/cancel` })} aria-label={t`Boeking van ${name} annuleren`}>
                  {t`Annuleren`}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Books a seat: find the person by name, then the kind of test, its language and audio support. */
function BookForm({ slot, centre }: { slot: TestSlot; centre: TestCentre | undefined }) {
  const { t, i18n } = useLingui();
  const languageOptions = useLanguageOptions();
  const languageName = useLanguageName();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const results = usePersonSearch(q);
  const [personId, setPersonId] = useState('');
  const [kind, setKind] = useState<string>('test');
  const [language, setLanguage] = useState('');
  const [audio, setAudio] = useState(false);
  const [missing, setMissing] = useState(false);
  const [booked, setBooked] = useState<TestBooking | null>(null);
  const write = useMoWrite<TestBooking>((b) => {
    setBooked(b);
    setPersonId('');
    setQ('');
    setText('');
  });
  const interpreter = language !== '' && centre !== undefined && !centre.languages.includes(language);
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
    setPersonId('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!personId);
    if (!personId) return;
    setBooked(null);
    write.mutate({ path: `/mo/test-slots/${encodeURIComponent(slot.id)}/bookings`, body: { personId, kind, audioSupport: audio, ...(language ? { language } : {}) } });
  };
  return (
    <Stack>
      <Title order={3} size="h4">
        {t`Persoon boeken`}
      </Title>
      {booked && (
        <Alert color="green" variant="light" role="status">
          {booked.videoInterpreter
            ? t`Geboekt; taal van de toets: ${languageName(booked.language)}. Er wordt een videotolk geboekt, want het testcentrum biedt die taal niet aan.`
            : t`Geboekt; taal van de toets: ${languageName(booked.language)}.`}
        </Alert>
      )}
      <form onSubmit={search} role="search" aria-label={t`Persoon zoeken om te boeken`}>
        <Group align="flex-end">
          <TextInput type="search" label={t`Naam, INSZ of geboortedatum`} value={text} onChange={(e) => setText(e.currentTarget.value)} dir="auto" style={{ flex: '1 1 18rem' }} />
          <Button type="submit" variant="default">
            {t`Zoeken`}
          </Button>
        </Group>
      </form>
      <div aria-live="polite">
        {results.isFetching && <Loader size="sm" aria-label={t`Bezig met zoeken…`} />}
        {results.isSuccess && !results.isFetching && <Text size="sm">{plural(results.data.length, { one: '# persoon gevonden', other: '# personen gevonden' })}</Text>}
      </div>
      <ProblemAlert error={results.error} />
      <form onSubmit={submit} noValidate>
        <Stack>
          <WriteProblem error={write.error} handledFields={['personId', 'kind', 'language', 'audioSupport']} />
          {results.data && results.data.length > 0 && (
            <Radio.Group label={t`Te boeken persoon`} required value={personId} onChange={setPersonId} error={missing ? t`Kies een persoon.` : undefined}>
              <Stack gap="xs" mt="xs">
                {results.data.map((p) => {
                  const latin = p.givenNamesLatin || p.familyNameLatin ? ` (${[p.givenNamesLatin, p.familyNameLatin].filter(Boolean).join(' ')})` : '';
                  return <Radio key={p.id} value={p.id} label={<span dir="auto">{`${originalName(p)}${latin}, ${formatDate(i18n.locale, p.birthDate)}`}</span>} />;
                })}
              </Stack>
            </Radio.Group>
          )}
          {missing && !results.data?.length && (
            <Text c="red.8" size="sm" role="alert">
              {t`Zoek en kies eerst een persoon.`}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t`Soort toets`} required value={kind} onChange={(e) => setKind(e.currentTarget.value)} data={BOOKING_KINDS.map((k) => ({ value: k, label: bookingKindLabel(i18n, k) }))} />
            <NativeSelect
              label={t`Taal van de toets`}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              data={[{ value: '', label: t`De taal van de persoon (standaard)` }, ...languageOptions]}
              error={fieldError(write.error, 'language')}
            />
            <Checkbox label={t`Audio-ondersteuning`} checked={audio} onChange={(e) => setAudio(e.currentTarget.checked)} mt={{ sm: 'xl' }} />
          </SimpleGrid>
          {interpreter && (
            <Alert color="blue" variant="light" title={t`Met videotolk`}>
              {t`Dit testcentrum biedt de toetstaal ${languageName(language)} niet aan: er wordt een videotolk geboekt.`}
            </Alert>
          )}
          {centre && <Text size="sm">{t`Testtalen van dit centrum: ${centre.languages.map(languageName).join(', ')}. Voor een andere taal wordt een videotolk geboekt.`}</Text>}
          <Group>
            <Button type="submit" loading={write.isPending}>
              {t`Boeken`}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function ResultForm({ booking, onDone }: { booking: TestBooking; onDone: () => void }) {
  const { t } = useLingui();
  const [v, setV] = useState<Record<string, string | number>>({ coreCorrect: '', coreTotal: '', practicalCorrect: '', practicalTotal: '' });
  const [missing, setMissing] = useState(false);
  const write = useMoWrite(onDone);
  const change = (key: string) => (value: string | number) => setV((old) => ({ ...old, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = Object.values(v).some((x) => x === '');
    setMissing(empty);
    if (empty) return;
    write.mutate({
      path: `/mo/test-bookings/${encodeURIComponent(booking.id)}/result`,
      body: { core: { correct: Number(v.coreCorrect), total: Number(v.coreTotal) }, practical: { correct: Number(v.practicalCorrect), total: Number(v.practicalTotal) } },
    });
  };
  const num = (key: string, label: string, field: string, min: number) => (
    <NumberInput label={label} required min={min} max={1000} allowDecimal={false} value={v[key]} onChange={change(key)} error={fieldError(write.error, field)} />
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t`Of de persoon geslaagd is, beoordeelt de pijler maatschappelijke oriëntatie in het dossier volgens de regels van de toetsdatum.`}</Text>
        <WriteProblem error={write.error} handledFields={['core.correct', 'core.total', 'practical.correct', 'practical.total']} />
        {missing && (
          <Text c="red.8" size="sm" role="alert">
            {t`Vul de verplichte velden in.`}
          </Text>
        )}
        <Group grow align="flex-start">
          {num('coreCorrect', t`Kennisvragen juist`, 'core.correct', 0)}
          {num('coreTotal', t`Kennisvragen totaal`, 'core.total', 1)}
        </Group>
        <Group grow align="flex-start">
          {num('practicalCorrect', t`Praktijkopdrachten juist`, 'practical.correct', 0)}
          {num('practicalTotal', t`Praktijkopdrachten totaal`, 'practical.total', 1)}
        </Group>
        <FormButtons submitLabel={t`Resultaat registreren`} submitting={write.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
