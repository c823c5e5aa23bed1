import { Button, Checkbox, Group, Loader, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import { belgianToday } from '../../api/trajectory';
import {
  calendarUrl,
  CEFR_LEVELS,
  PROVIDER_KIND_IDS,
  SKILLS,
  useAdviceTypes,
  useModules,
  useNt2Write,
  useProviderInbox,
  useProviders,
  type Cefr,
  type CreateModuleInput,
  type CreateStartMomentInput,
  type ModuleView,
  type PlacementView,
  type Provider,
  type ProviderKind,
  type ResultBody,
  type ResultView,
  type Skill,
  type StartMoment,
} from '../../api/dutch';
import { AppModal } from '../../components/AppModal';
import { FormButtons } from '../../components/FormButtons';
import { PersonName } from '../../components/PersonName';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { CalendarLink, Nt2Problem, Nt2RegionSelect, PlacementStatusBadge, SuccessNote } from '../../components/nt2/shared';
import { formatDate, regionLabel } from '../../labels';
import { adviceLength, adviceTypeLabel, placementStatusLabel, providerKindLabel, skillLabel } from '../../nt2Labels';
import { FullPageLoader } from '../../components/AppLayout';

/** The course provider's view: incoming placements and waiting entries, and the own offer. */
export function ProviderPage() {
  const { t } = useLingui();
  useDocumentTitle(t`NT2-aanbieder`);
  const providers = useProviders();
  if (providers.isPending) return <FullPageLoader />;
  const provider = providers.data?.[0];
  return (
    <Stack maw={1200}>
      <div>
        <Title order={1}>{t`NT2-aanbieder`}</Title>
        {provider && <Text size="lg">{provider.name}</Text>}
      </div>
      <ProblemAlert error={providers.error} />
      {providers.isSuccess && !provider && <Text>{t`Je organisatie is geen aanbieder van cursussen Nederlands.`}</Text>}
      {provider && (
        <>
          <Inbox />
          <Offer provider={provider} />
        </>
      )}
    </Stack>
  );
}

/* ---------- inbox ---------- */

type Dialog = { kind: 'enrol' | 'result'; placement: PlacementView } | null;

function Inbox() {
  const { t, i18n } = useLingui();
  const inbox = useProviderInbox();
  const [status, setStatus] = useState('');
  // The dialog's content stays while it closes (its title names it until it is gone).
  const [dialog, setDialogContent] = useState<Dialog>(null);
  const [opened, setOpened] = useState(false);
  const setDialog = (d: Dialog) => {
    if (d) setDialogContent(d);
    setOpened(d !== null);
  };
  const [done, setDone] = useState<string | null>(null);
  const items = (inbox.data ?? []).filter((p) => !status || p.status === status);
  const nameOf = (p: PlacementView) => (p.person ? `${p.person.givenNames} ${p.person.familyName}` : p.personId);
  return (
    <SectionCard id="inbox-title" title={t`Inbox: toewijzingen en wachtlijst`}>
      <Stack>
        {done && <SuccessNote onClose={() => setDone(null)}>{done}</SuccessNote>}
        <NativeSelect
          label={t`Status`}
          maw={260}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[{ value: '', label: t`Alle` }, ...['waiting', 'placed', 'enrolled', 'closed'].map((s) => ({ value: s, label: placementStatusLabel(i18n, s) }))]}
        />
        {inbox.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
        <Nt2Problem error={inbox.error} />
        {inbox.data && items.length === 0 && <Text>{t`Geen toewijzingen of wachtenden.`}</Text>}
        {items.length > 0 && (
          <ScrollTable minWidth={860} label={t`Inbox`}>
            <ColumnHeads labels={[t`Persoon`, t`Geboortedatum`, t`Advies`, t`Start`, t`Status`, t`Ingeschreven op`, t`Actie`]} />
            <Table.Tbody>
              {items.map((p) => {
                const name = nameOf(p);
                return (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.person ? <PersonName person={p.person} /> : '—'}</Table.Td>
                    <Table.Td>{p.person?.birthDate ? formatDate(i18n.locale, p.person.birthDate) : '—'}</Table.Td>
                    <Table.Td>{adviceTypeLabel(i18n, p.adviceType)}</Table.Td>
                    <Table.Td>{p.startsOn ? formatDate(i18n.locale, p.startsOn) : t`Wacht op een startmoment`}</Table.Td>
                    <Table.Td>
                      <PlacementStatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td>{p.enrolledOn ? formatDate(i18n.locale, p.enrolledOn) : '—'}</Table.Td>
                    <Table.Td>
                      {p.status === 'placed' && (
                        <Button size="compact-sm" onClick={() => setDialog({ kind: 'enrol', placement: p })} aria-label={t`Inschrijving bevestigen voor ${name}`}>
                          {t`Inschrijving bevestigen`}
                        </Button>
                      )}
                      {p.status === 'enrolled' && (
                        <Button size="compact-sm" variant="light" onClick={() => setDialog({ kind: 'result', placement: p })} aria-label={t`Resultaat melden voor ${name}`}>
                          {t`Resultaat melden`}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
      <AppModal
        opened={opened}
        onExitTransitionEnd={() => setDialogContent(null)}
        onClose={() => setDialog(null)}
        size="lg"
        title={dialog ? (dialog.kind === 'enrol' ? t`Inschrijving bevestigen voor ${nameOf(dialog.placement)}` : t`Resultaat melden voor ${nameOf(dialog.placement)}`) : ''}
      >
        {dialog?.kind === 'enrol' && (
          <EnrolmentForm
            placement={dialog.placement}
            onCancel={() => setDialog(null)}
            onDone={(p) => {
              const name = nameOf(dialog.placement);
              const date = formatDate(i18n.locale, p.enrolledOn);
              setDone(p.runningDossierId ? t`Inschrijving van ${name} bevestigd op ${date} en in het trajectdossier opgenomen.` : t`Inschrijving van ${name} bevestigd op ${date}.`);
              setDialog(null);
            }}
          />
        )}
        {dialog?.kind === 'result' && (
          <ResultForm
            placement={dialog.placement}
            onCancel={() => setDialog(null)}
            onDone={(r) => {
              const name = nameOf(dialog.placement);
              setDone(
                r.kind === 'level'
                  ? r.runningDossierId
                    ? t`Niveauresultaat van ${name} gemeld en in het trajectdossier opgenomen.`
                    : t`Niveauresultaat van ${name} gemeld.`
                  : r.runningDossierId
                    ? t`Resultaat van de gestandaardiseerde A2-test van ${name} gemeld en in het trajectdossier opgenomen.`
                    : t`Resultaat van de gestandaardiseerde A2-test van ${name} gemeld.`,
              );
              setDialog(null);
            }}
          />
        )}
      </AppModal>
    </SectionCard>
  );
}

function EnrolmentForm({ placement, onDone, onCancel }: { placement: PlacementView; onDone: (p: PlacementView) => void; onCancel: () => void }) {
  const { t } = useLingui();
  const [enrolledOn, setEnrolledOn] = useState(belgianToday());
  const [regular, setRegular] = useState('');
  const [missing, setMissing] = useState(false);
  const confirm = useNt2Write<{ enrolledOn: string; regularParticipation?: boolean }, PlacementView>(
    (body) => ({ path: `/nt2/placements/${encodeURIComponent(placement.id)}/enrolment`, body }),
    onDone,
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!enrolledOn);
    if (!enrolledOn) return;
    confirm.mutate({ enrolledOn, ...(regular ? { regularParticipation: regular === 'true' } : {}) });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Nt2Problem error={confirm.error} handledFields={['enrolledOn', 'regularParticipation']} />
        <TextInput
          type="date"
          label={t`Ingeschreven op`}
          required
          value={enrolledOn}
          onChange={(e) => setEnrolledOn(e.currentTarget.value)}
          error={missing ? t`Vul dit veld in.` : fieldError(confirm.error, 'enrolledOn')}
        />
        <NativeSelect
          label={t`Regelmatige deelname`}
          value={regular}
          onChange={(e) => setRegular(e.currentTarget.value)}
          data={[
            { value: '', label: t`Nog niet bekend` },
            { value: 'true', label: t`Ja` },
            { value: 'false', label: t`Nee` },
          ]}
        />
        <FormButtons submitLabel={t`Inschrijving bevestigen`} submitting={confirm.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function ResultForm({ placement, onDone, onCancel }: { placement: PlacementView; onDone: (r: ResultView) => void; onCancel: () => void }) {
  const { t, i18n } = useLingui();
  const [kind, setKind] = useState<ResultBody['kind']>('level');
  const [date, setDate] = useState(belgianToday());
  const [oral, setOral] = useState('');
  const [written, setWritten] = useState('');
  const [skills, setSkills] = useState<string[]>([]);
  const [missing, setMissing] = useState<string[]>([]);
  const report = useNt2Write<ResultBody, ResultView>((body) => ({ path: `/nt2/placements/${encodeURIComponent(placement.id)}/results`, body }), onDone);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const empty = [!date && 'date', kind === 'level' && !oral && !written && 'levels'].filter((x): x is string => typeof x === 'string');
    setMissing(empty);
    if (empty.length > 0) return;
    report.mutate(
      kind === 'level'
        ? { kind, date, oral: (oral || null) as Cefr | null, written: (written || null) as Cefr | null }
        : { kind, date, passedSkills: skills as Skill[] },
    );
  };
  const levels = [{ value: '', label: t`Niet gemeld` }, ...CEFR_LEVELS.map((l) => ({ value: l, label: l }))];
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Nt2Problem error={report.error} handledFields={['kind', 'date', 'oral', 'written', 'passedSkills']} />
        <Radio.Group label={t`Soort resultaat`} required value={kind} onChange={(v) => setKind(v as ResultBody['kind'])}>
          <Stack gap="xs" mt="xs">
            <Radio value="level" label={t`Bereikt niveau (ERK), mondeling en schriftelijk`} />
            <Radio value="standardised-test" label={t`Gestandaardiseerde A2-test`} />
          </Stack>
        </Radio.Group>
        <TextInput
          type="date"
          label={t`Datum`}
          required
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={missing.includes('date') ? t`Vul dit veld in.` : fieldError(report.error, 'date')}
        />
        {kind === 'level' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t`Mondeling niveau`} value={oral} onChange={(e) => setOral(e.currentTarget.value)} data={levels} error={fieldError(report.error, 'oral')} />
            <NativeSelect
              label={t`Schriftelijk niveau`}
              value={written}
              onChange={(e) => setWritten(e.currentTarget.value)}
              data={levels}
              error={missing.includes('levels') ? t`Meld minstens één niveau.` : fieldError(report.error, 'written')}
            />
          </SimpleGrid>
        ) : (
          <Checkbox.Group label={t`Geslaagde vaardigheden`} description={t`Laat alles leeg als geen enkele vaardigheid geslaagd is.`} value={skills} onChange={setSkills}>
            <Group mt="xs">
              {SKILLS.map((s) => (
                <Checkbox key={s} value={s} label={skillLabel(i18n, s)} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        <FormButtons submitLabel={t`Resultaat melden`} submitting={report.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/* ---------- offer ---------- */

function Offer({ provider }: { provider: Provider }) {
  const { t } = useLingui();
  const modules = useModules({ providerId: provider.id });
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<string | null>(null);
  return (
    <SectionCard
      id="offer-title"
      title={t`Aanbod: modules en startmomenten`}
      actions={!publishing && <Button onClick={() => { setPublishing(true); setPublished(null); }}>{t`Module publiceren`}</Button>}
    >
      <Stack>
        <Text>
          <CalendarLink href={calendarUrl.provider(provider.id)}>{t`Alle startmomenten als agenda-feed (.ics)`}</CalendarLink>
        </Text>
        {published && <SuccessNote onClose={() => setPublished(null)}>{t`Module ${published} gepubliceerd. Voeg nu een startmoment toe.`}</SuccessNote>}
        {publishing && (
          <ModuleForm
            providerId={provider.id}
            onCancel={() => setPublishing(false)}
            onDone={(m) => {
              setPublishing(false);
              setPublished(m.name);
            }}
          />
        )}
        {modules.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}
        <Nt2Problem error={modules.error} />
        {modules.data && modules.data.length === 0 && <Text>{t`Nog geen modules gepubliceerd.`}</Text>}
        {modules.data?.map((m) => <ModuleCard key={m.id} module={m} />)}
      </Stack>
    </SectionCard>
  );
}

function ModuleForm({ providerId, onDone, onCancel }: { providerId: string; onDone: (m: ModuleView) => void; onCancel: () => void }) {
  const { t, i18n } = useLingui();
  const types = useAdviceTypes(i18n.locale);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ProviderKind | ''>('');
  const [adviceTypes, setAdviceTypes] = useState<string[]>([]);
  const [level, setLevel] = useState('');
  const [location, setLocation] = useState('');
  const [region, setRegion] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const publish = useNt2Write<CreateModuleInput, ModuleView>((body) => ({ path: `/nt2/providers/${encodeURIComponent(providerId)}/modules`, body }), onDone);
  const fitting = (types.data ?? []).filter((a) => kind !== '' && (a.providers as readonly string[]).includes(kind));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const empty = [!name.trim() && 'name', !kind && 'providerKind', adviceTypes.length === 0 && 'adviceTypes', !level.trim() && 'level', !location.trim() && 'location'].filter(
      (x): x is string => typeof x === 'string',
    );
    setMissing(empty);
    if (empty.length > 0 || !kind) return;
    publish.mutate({
      name: name.trim(),
      providerKind: kind,
      adviceTypes: adviceTypes as CreateModuleInput['adviceTypes'],
      level: level.trim(),
      location: location.trim(),
      ...(region ? { region } : {}),
    });
  };
  const err = (field: string) => (missing.includes(field) ? (field === 'adviceTypes' ? t`Kies minstens één advies.` : t`Vul dit veld in.`) : fieldError(publish.error, field));
  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit} noValidate aria-labelledby="module-form-title">
        <Stack>
          <Title order={3} size="h4" id="module-form-title">
            {t`Module publiceren`}
          </Title>
          <Nt2Problem error={publish.error} handledFields={['name', 'providerKind', 'adviceTypes', 'level', 'location', 'region']} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t`Naam van de module`} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={err('name')} />
            <NativeSelect
              label={t`Soort aanbieder`}
              required
              value={kind}
              onChange={(e) => {
                setKind(e.currentTarget.value as ProviderKind);
                setAdviceTypes([]);
              }}
              data={[{ value: '', label: t`Kies…` }, ...PROVIDER_KIND_IDS.map((k) => ({ value: k, label: providerKindLabel(i18n, k) }))]}
              error={err('providerKind')}
            />
            <TextInput label={t`Module of niveau`} description={t`Bijvoorbeeld 1.1 of A1.`} required value={level} onChange={(e) => setLevel(e.currentTarget.value)} error={err('level')} />
            <TextInput label={t`Locatie`} required value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={err('location')} />
            <Nt2RegionSelect label={t`Werkingsgebied`} emptyLabel={t`Geen`} value={region} onChange={(e) => setRegion(e.currentTarget.value)} />
          </SimpleGrid>
          <Checkbox.Group
            label={t`Adviezen die de module bedient`}
            description={kind ? t`Alleen de adviezen die bij deze soort aanbieder passen (ENT-20).` : t`Kies eerst de soort aanbieder.`}
            required
            value={adviceTypes}
            onChange={setAdviceTypes}
            error={err('adviceTypes')}
          >
            <Stack gap="xs" mt="xs">
              {fitting.map((a) => (
                <Checkbox key={a.id} value={a.id} label={`${adviceTypeLabel(i18n, a.id)} (${adviceLength(i18n, a.length)})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <FormButtons submitLabel={t`Module publiceren`} submitting={publish.isPending} onCancel={onCancel} />
        </Stack>
      </form>
    </Paper>
  );
}

function ModuleCard({ module: m }: { module: ModuleView }) {
  const { t, i18n } = useLingui();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const headingId = `module-${m.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {m.name}
          </Title>
          <Text size="sm">
            {t`Niveau ${m.level}`} · {providerKindLabel(i18n, m.providerKind)} · {m.location}
            {m.region ? ` · ${regionLabel(i18n, m.region)}` : ''}
          </Text>
          <Text size="sm">{t`Bedient: ${m.adviceTypes.map((a) => adviceTypeLabel(i18n, a)).join(', ')}`}</Text>
        </div>
        {!adding && (
          <Button variant="light" onClick={() => { setAdding(true); setAdded(null); }} aria-label={t`Startmoment toevoegen aan ${m.name}`}>
            {t`Startmoment toevoegen`}
          </Button>
        )}
      </Group>
      {added && <SuccessNote onClose={() => setAdded(null)}>{t`Startmoment op ${added} toegevoegd.`}</SuccessNote>}
      {adding && (
        <StartMomentForm
          module={m}
          onCancel={() => setAdding(false)}
          onDone={(s) => {
            setAdding(false);
            setAdded(formatDate(i18n.locale, s.startsOn));
          }}
        />
      )}
      {m.startMoments.length === 0 ? (
        <Text size="sm">{t`Geen startmomenten gepland.`}</Text>
      ) : (
        <ScrollTable minWidth={720} label={t`Startmomenten van ${m.name}`}>
          <ColumnHeads labels={[t`Start`, t`Einde`, t`Locatie`, t`Capaciteit`, t`Toegewezen`, t`Vrij`, t`Agenda`]} />
          <Table.Tbody>
            {m.startMoments.map((s) => {
              const starts = formatDate(i18n.locale, s.startsOn);
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>{starts}</Table.Td>
                  <Table.Td>{s.endsOn ? formatDate(i18n.locale, s.endsOn) : '—'}</Table.Td>
                  <Table.Td>{s.location}</Table.Td>
                  <Table.Td>{s.capacity}</Table.Td>
                  <Table.Td>{s.taken}</Table.Td>
                  <Table.Td>{s.free > 0 ? s.free : t`Volzet`}</Table.Td>
                  <Table.Td>
                    <CalendarLink href={calendarUrl.startMoment(s.id)} label={t`Startmoment ${starts} in agenda (.ics)`}>
                      {t`.ics`}
                    </CalendarLink>
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

function StartMomentForm({ module: m, onDone, onCancel }: { module: ModuleView; onDone: (s: StartMoment) => void; onCancel: () => void }) {
  const { t } = useLingui();
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [capacity, setCapacity] = useState('');
  const [location, setLocation] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const add = useNt2Write<CreateStartMomentInput, StartMoment>((body) => ({ path: `/nt2/modules/${encodeURIComponent(m.id)}/start-moments`, body }), onDone);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const seats = Number(capacity);
    const empty = [!startsOn && 'startsOn', (!capacity || !Number.isInteger(seats) || seats < 1) && 'capacity'].filter((x): x is string => typeof x === 'string');
    setMissing(empty);
    if (empty.length > 0) return;
    add.mutate({ startsOn, capacity: seats, ...(endsOn ? { endsOn } : {}), ...(location.trim() ? { location: location.trim() } : {}) });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t`Startmoment toevoegen aan ${m.name}`}>
      <Stack mb="md">
        <Nt2Problem error={add.error} handledFields={['startsOn', 'endsOn', 'capacity', 'location']} />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput type="date" label={t`Startdatum`} required value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={missing.includes('startsOn') ? t`Vul dit veld in.` : fieldError(add.error, 'startsOn')} />
          <TextInput type="date" label={t`Einddatum`} value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={fieldError(add.error, 'endsOn')} />
          <TextInput
            type="number"
            min={1}
            max={1000}
            label={t`Capaciteit`}
            required
            value={capacity}
            onChange={(e) => setCapacity(e.currentTarget.value)}
            error={missing.includes('capacity') ? t`Geef een aantal plaatsen van minstens 1.` : fieldError(add.error, 'capacity')}
          />
          <TextInput label={t`Andere locatie`} description={t`Leeg: ${m.location}`} value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={fieldError(add.error, 'location')} />
        </SimpleGrid>
        <FormButtons submitLabel={t`Startmoment toevoegen`} submitting={add.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
