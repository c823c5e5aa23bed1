import { ActionIcon, Button, Fieldset, Group, Loader, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { belgianToday } from '../../api/trajectory';
import { addDays, brusselsDateTime, useCourses, type CourseDetail, type CourseFilter } from '../../api/orientation';
import { FormButtons } from '../../components/FormButtons';
import { AnchorLink } from '../../components/Link';
import { fieldError } from '../../components/ProblemAlert';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { RegionSelect, useLanguageName, useLanguageOptions, useMoWrite, WriteProblem } from '../../components/planning/shared';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, regionLabel } from '../../labels';
import {
  COURSE_FORMATS,
  COURSE_STATUSES,
  COURSE_STATUS_COLOR,
  MO_PROFILES,
  courseFormatLabel,
  courseStatusLabel,
  moProfileLabel,
} from '../../planningLabels';

/** The MO courses: a filtered list and the form to plan a new course with its sessions. */
export function CoursesPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Cursussen maatschappelijke oriëntatie`);
  const [filter, setFilter] = useState<CourseFilter>({});
  const [creating, setCreating] = useState(false);
  const courses = useCourses(filter);
  const languageName = useLanguageName();
  const languageOptions = useLanguageOptions();
  const set = (key: keyof CourseFilter, value: string) => setFilter((f) => ({ ...f, [key]: value || undefined }));
  const label = t`Cursussen`;

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t`Cursussen maatschappelijke oriëntatie`}</Title>
        {!creating && <Button onClick={() => setCreating(true)}>{t`Nieuwe cursus`}</Button>}
      </Group>
      {creating && <CreateCourseForm onCancel={() => setCreating(false)} />}

      <SectionCard id="courses-title" title={t`Geplande cursussen`}>
        <Stack>
          <form role="search" aria-label={t`Cursussen filteren`} onSubmit={(e) => e.preventDefault()}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <NativeSelect
                label={t`Taal`}
                value={filter.language ?? ''}
                onChange={(e) => set('language', e.currentTarget.value)}
                data={[{ value: '', label: t`Alle talen` }, ...languageOptions]}
              />
              <RegionSelect label={t`Werkingsgebied`} emptyLabel={t`Alle werkingsgebieden`} value={filter.region ?? ''} onChange={(e) => set('region', e.currentTarget.value)} />
              <TextInput type="date" label={t`Vanaf`} value={filter.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
              <NativeSelect
                label={t`Status`}
                value={filter.status ?? ''}
                onChange={(e) => set('status', e.currentTarget.value)}
                data={[{ value: '', label: t`Alle statussen` }, ...COURSE_STATUSES.map((s) => ({ value: s, label: courseStatusLabel(i18n, s) }))]}
              />
            </SimpleGrid>
          </form>
          <div aria-live="polite">{courses.isFetching && <Loader size="sm" aria-label={t`Bezig met laden…`} />}</div>
          <ProblemAlert error={courses.error} />
          {courses.isSuccess && courses.data.length === 0 && <Text>{t`Geen cursussen gevonden.`}</Text>}
          {courses.data && courses.data.length > 0 && (
            <ScrollTable minWidth={980} label={label}>
              <caption>
                <VisuallyHidden>{label}</VisuallyHidden>
              </caption>
              <ColumnHeads labels={[t`Cursus`, t`Taal`, t`Werkingsgebied`, t`Vorm`, t`Periode`, t`Plaatsen`, t`Status`]} />
              <Table.Tbody>
                {courses.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <AnchorLink to="/planning/mo/courses/$courseId" params={{ courseId: c.id }} underline="always">
                        {c.code}
                      </AnchorLink>
                      <Text size="xs">{c.location}</Text>
                    </Table.Td>
                    <Table.Td>
                      {languageName(c.language)}
                      {c.withInterpreter && <Text size="xs">{t`Met tolk (leerkracht: ${languageName(c.teacherLanguage)})`}</Text>}
                    </Table.Td>
                    <Table.Td>{regionLabel(i18n, c.region)}</Table.Td>
                    <Table.Td>{courseFormatLabel(i18n, c.format)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(i18n.locale, c.startsOn)} – {formatDate(i18n.locale, c.endsOn)}
                    </Table.Td>
                    <Table.Td>{t`${c.enrolled} van ${c.capacity}`}</Table.Td>
                    <Table.Td>
                      <StatusBadge color={COURSE_STATUS_COLOR[c.status] ?? 'gray'}>{courseStatusLabel(i18n, c.status)}</StatusBadge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Stack>
      </SectionCard>
    </Stack>
  );
}

interface SessionRow {
  key: number;
  date: string;
  start: string;
  end: string;
}

let sessionKey = 0;

function CreateCourseForm({ onCancel }: { onCancel: () => void }) {
  const { t, i18n } = useLingui();
  const navigate = useNavigate();
  const languageOptions = useLanguageOptions();
  const today = belgianToday();
  const [v, setV] = useState({
    language: '',
    teacherLanguage: '',
    format: 'classroom',
    region: '',
    location: '',
    teacherName: '',
    moProfile: '',
    hours: '' as string | number,
    capacity: 12 as string | number,
    startsOn: addDays(today, 14),
    endsOn: addDays(today, 70),
  });
  const [sessions, setSessions] = useState<SessionRow[]>([{ key: ++sessionKey, date: addDays(today, 14), start: '09:00', end: '12:00' }]);
  const [missing, setMissing] = useState<string[]>([]);
  const create = useMoWrite<CourseDetail>((course) => void navigate({ to: '/planning/mo/courses/$courseId', params: { courseId: course.id } }));
  const change = (key: keyof typeof v) => (value: string | number) => setV((old) => ({ ...old, [key]: value }));
  const setSession = (key: number, patch: Partial<SessionRow>) => setSessions((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const error = create.error;
  const errorFor = (name: string) => (missing.includes(name) ? t`Vul dit veld in.` : fieldError(error, name));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty = (['language', 'region', 'location', 'capacity', 'startsOn', 'endsOn'] as const).filter((k) => String(v[k]).trim() === '');
    setMissing(empty);
    if (empty.length > 0) return;
    create.mutate({
      path: '/mo/courses',
      body: {
        language: v.language,
        ...(v.teacherLanguage ? { teacherLanguage: v.teacherLanguage } : {}),
        format: v.format,
        region: v.region,
        location: v.location.trim(),
        ...(v.teacherName.trim() ? { teacherName: v.teacherName.trim() } : {}),
        ...(v.moProfile ? { moProfile: v.moProfile } : {}),
        ...(v.hours !== '' ? { hours: Number(v.hours) } : {}),
        capacity: Number(v.capacity),
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        sessions: sessions
          .filter((s) => s.date && s.start && s.end)
          .map((s) => ({ startsAt: brusselsDateTime(s.date, s.start), endsAt: brusselsDateTime(s.date, s.end) })),
      },
    });
  };

  const handled = ['language', 'teacherLanguage', 'format', 'region', 'location', 'teacherName', 'moProfile', 'hours', 'capacity', 'startsOn', 'endsOn'];
  return (
    <SectionCard id="new-course-title" title={t`Nieuwe cursus plannen`}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <WriteProblem error={error} handledFields={handled} />
          {missing.length > 0 && (
            <Text c="red.8" size="sm" role="alert">
              {t`Vul de verplichte velden in.`}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t`Cursustaal`}
              required
              value={v.language}
              onChange={(e) => change('language')(e.currentTarget.value)}
              data={[{ value: '', label: t`Kies…` }, ...languageOptions]}
              error={errorFor('language')}
            />
            <NativeSelect
              label={t`Taal van de leerkracht`}
              description={t`Een andere taal dan de cursustaal betekent een cursus met tolk.`}
              value={v.teacherLanguage}
              onChange={(e) => change('teacherLanguage')(e.currentTarget.value)}
              data={[{ value: '', label: t`Dezelfde als de cursustaal` }, ...languageOptions]}
              error={errorFor('teacherLanguage')}
            />
            <NativeSelect
              label={t`Vorm`}
              required
              value={v.format}
              onChange={(e) => change('format')(e.currentTarget.value)}
              data={COURSE_FORMATS.map((f) => ({ value: f, label: courseFormatLabel(i18n, f) }))}
              error={errorFor('format')}
            />
            <RegionSelect label={t`Werkingsgebied`} required emptyLabel={t`Kies…`} value={v.region} onChange={(e) => change('region')(e.currentTarget.value)} error={errorFor('region')} />
            <TextInput label={t`Locatie`} required value={v.location} onChange={(e) => change('location')(e.currentTarget.value)} error={errorFor('location')} dir="auto" />
            <TextInput label={t`Leerkracht`} value={v.teacherName} onChange={(e) => change('teacherName')(e.currentTarget.value)} error={errorFor('teacherName')} dir="auto" />
            <NativeSelect
              label={t`Profiel`}
              value={v.moProfile}
              onChange={(e) => change('moProfile')(e.currentTarget.value)}
              data={[{ value: '', label: t`Geen (standaardcursus)` }, ...MO_PROFILES.map((p) => ({ value: p, label: moProfileLabel(i18n, p) }))]}
              error={errorFor('moProfile')}
            />
            <NumberInput
              label={t`Aantal uren`}
              description={t`Leeg laten: de uren van het profiel volgens de regels van de startdatum.`}
              min={1}
              max={500}
              value={v.hours}
              onChange={change('hours')}
              error={errorFor('hours')}
            />
            <NumberInput label={t`Aantal plaatsen`} required min={1} max={200} allowDecimal={false} value={v.capacity} onChange={change('capacity')} error={errorFor('capacity')} />
            <div />
            <TextInput type="date" label={t`Startdatum`} required value={v.startsOn} onChange={(e) => change('startsOn')(e.currentTarget.value)} error={errorFor('startsOn')} />
            <TextInput type="date" label={t`Einddatum`} required value={v.endsOn} onChange={(e) => change('endsOn')(e.currentTarget.value)} error={errorFor('endsOn')} />
          </SimpleGrid>

          <Fieldset legend={t`Lesmomenten (Belgische tijd)`}>
            <Stack gap="sm">
              {fieldError(error, 'sessions') && (
                <Text c="red.8" size="sm">
                  {fieldError(error, 'sessions')}
                </Text>
              )}
              {sessions.map((s, index) => {
                const n = index + 1;
                return (
                  <Group key={s.key} align="flex-end" wrap="wrap" role="group" aria-label={t`Lesmoment ${n}`}>
                    <TextInput type="date" label={t`Datum lesmoment ${n}`} value={s.date} onChange={(e) => setSession(s.key, { date: e.currentTarget.value })} />
                    <TextInput type="time" label={t`Begin lesmoment ${n}`} value={s.start} onChange={(e) => setSession(s.key, { start: e.currentTarget.value })} />
                    <TextInput
                      type="time"
                      label={t`Einde lesmoment ${n}`}
                      value={s.end}
                      onChange={(e) => setSession(s.key, { end: e.currentTarget.value })}
                      error={fieldError(error, `sessions.${index}.endsAt`)}
                    />
                    <ActionIcon
                      variant="default"
                      size="lg"
                      mb={4}
                      aria-label={t`Lesmoment ${n} verwijderen`}
                      onClick={() => setSessions((rows) => rows.filter((r) => r.key !== s.key))}
                    >
                      <span aria-hidden>×</span>
                    </ActionIcon>
                  </Group>
                );
              })}
              <Button
                variant="default"
                w="fit-content"
                onClick={() => {
                  const last = sessions[sessions.length - 1];
                  setSessions((rows) => [...rows, { key: ++sessionKey, date: last ? addDays(last.date, 7) : v.startsOn, start: last?.start ?? '09:00', end: last?.end ?? '12:00' }]);
                }}
              >
                {t`Lesmoment toevoegen`}
              </Button>
            </Stack>
          </Fieldset>
          <FormButtons submitLabel={t`Cursus plannen`} submitting={create.isPending} onCancel={onCancel} />
        </Stack>
      </form>
    </SectionCard>
  );
}
