import { Alert, Button, Checkbox, Group, List, NativeSelect, NumberInput, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { isApiError, type ApiError } from '../../api/client';
import { addDays, useCourse, useWaitingList, type CourseDetail, type CourseSession, type Enrolment } from '../../api/orientation';
import { usePermission } from '../../api/queries';
import { belgianToday } from '../../api/trajectory';
import { FullPageLoader } from '../../components/AppLayout';
import { AppModal } from '../../components/AppModal';
import { Facts } from '../../components/Facts';
import { FormButtons } from '../../components/FormButtons';
import { AnchorLink } from '../../components/Link';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { RefusalAlert } from '../../components/dossier/ActionModal';
import { OpenDossierLink } from '../../components/dossier/OpenDossierLink';
import { useLanguageName, useMoWrite, WriteProblem } from '../../components/planning/shared';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, regionLabel } from '../../labels';
import {
  COURSE_STATUS_COLOR,
  ENROLMENT_STATUS_COLOR,
  courseFormatLabel,
  courseStatusLabel,
  enrolmentStatusLabel,
  formatBelgianDay,
  formatBelgianTime,
  moProfileLabel,
  sessionSlotLabel,
} from '../../planningLabels';

const route = getRouteApi('/_app/planning/mo/courses/$courseId');

type Dialog =
  | { kind: 'fill' | 'enrol' | 'copy' | 'complete' }
  | { kind: 'attendance'; session: CourseSession }
  | { kind: 'drop-out' | 'evaluation'; enrolment: Enrolment };

const participantName = (e: Enrolment) => (e.nameLatin && e.nameLatin !== e.name ? `${e.name} (${e.nameLatin})` : e.name);

/** One MO course: its facts, sessions and participants, and what the planner and teacher do with it. */
export function CoursePage() {
  const { t, i18n } = useLingui();
  const { courseId } = route.useParams();
  const course = useCourse(courseId);
  const canManage = usePermission('mo.course.manage');
  const canRecord = usePermission('mo.attendance.record');
  const canReadDossier = usePermission('dossier.read');
  const languageName = useLanguageName();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const dialogTitle = useDialogTitle(dialog);
  useDocumentTitle(course.data ? t`Cursus ${course.data.code}` : t`Cursus`);

  if (course.isPending) return <FullPageLoader />;
  if (course.isError) {
    return (
      <Stack>
        <Title order={1}>{t`Cursus`}</Title>
        <ProblemAlert error={course.error} />
        {canManage && <AnchorLink to="/planning/mo/courses">{t`Naar de cursussen`}</AnchorLink>}
      </Stack>
    );
  }
  const c = course.data;
  const open = c.status !== 'completed' && c.status !== 'cancelled';
  const running = c.enrolments.filter((e) => e.status === 'enrolled');
  const now = Date.now();
  const close = () => setDialog(null);
  const done = (message: ReactNode) => {
    setDialog(null);
    setNotice(message);
  };

  return (
    <Stack maw={1200}>
      {canManage && (
        <AnchorLink to="/planning/mo/courses" size="sm">
          {t`Terug naar de cursussen`}
        </AnchorLink>
      )}
      <Title order={1}>{t`Cursus ${c.code}`}</Title>
      {notice && (
        <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel={t`Sluiten`} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}

      <SectionCard id="course-overview-title" title={t`Overzicht`}>
        <Facts
          rows={[
            [t`Status`, <StatusBadge color={COURSE_STATUS_COLOR[c.status] ?? 'gray'}>{courseStatusLabel(i18n, c.status)}</StatusBadge>],
            [t`Cursustaal`, languageName(c.language)],
            [t`Taal van de leerkracht`, c.withInterpreter ? t`${languageName(c.teacherLanguage)}, met tolk` : languageName(c.teacherLanguage)],
            [t`Vorm`, courseFormatLabel(i18n, c.format)],
            [t`Werkingsgebied`, regionLabel(i18n, c.region)],
            [t`Locatie`, <span dir="auto">{c.location}</span>],
            [t`Leerkracht`, c.teacherName ? <span dir="auto">{c.teacherName}</span> : '—'],
            [t`Profiel`, c.moProfile ? moProfileLabel(i18n, c.moProfile) : t`Standaardcursus`],
            [t`Aantal uren`, String(c.hours)],
            [t`Periode`, `${formatDate(i18n.locale, c.startsOn)} – ${formatDate(i18n.locale, c.endsOn)}`],
            [t`Plaatsen`, t`${c.enrolled} van ${c.capacity} bezet`],
            ...(c.seriesId ? ([[t`Reeks`, t`Deel van een reeks`]] as [string, ReactNode][]) : []),
          ]}
        />
      </SectionCard>

      {canManage && open && (
        <SectionCard id="course-actions-title" title={t`Acties`}>
          <Group>
            <Button onClick={() => setDialog({ kind: 'fill' })} disabled={c.enrolled >= c.capacity}>
              {t`Aanvullen uit de wachtlijst`}
            </Button>
            <Button variant="default" onClick={() => setDialog({ kind: 'enrol' })} disabled={c.enrolled >= c.capacity}>
              {t`Persoon inschrijven`}
            </Button>
            <Button variant="default" onClick={() => setDialog({ kind: 'copy' })}>
              {t`Kopiëren als reeks`}
            </Button>
            <Button variant="default" onClick={() => setDialog({ kind: 'complete' })}>
              {t`Cursus afronden`}
            </Button>
          </Group>
          {c.enrolled >= c.capacity && (
            <Text size="sm" mt="xs">
              {t`De cursus is volzet.`}
            </Text>
          )}
        </SectionCard>
      )}

      <SectionCard id="course-sessions-title" title={t`Lesmomenten`}>
        {c.sessions.length === 0 ? (
          <Text>{t`Nog geen lesmomenten.`}</Text>
        ) : (
          <ScrollTable minWidth={720} label={t`Lesmomenten`}>
            <ColumnHeads labels={[t`Datum`, t`Uur`, t`Moment`, t`Locatie`, t`Aanwezigheid`]} />
            <Table.Tbody>
              {c.sessions.map((s) => {
                const day = formatBelgianDay(i18n.locale, s.startsAt);
                const past = Date.parse(s.startsAt) <= now;
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{day}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatBelgianTime(i18n.locale, s.startsAt)} – {formatBelgianTime(i18n.locale, s.endsAt)}
                    </Table.Td>
                    <Table.Td>{sessionSlotLabel(i18n, s.slot)}</Table.Td>
                    <Table.Td dir="auto">{s.location ?? c.location}</Table.Td>
                    <Table.Td>
                      {!canRecord ? (
                        '—'
                      ) : !past ? (
                        <Text size="sm">{t`Nog niet begonnen`}</Text>
                      ) : running.length === 0 ? (
                        <Text size="sm">{t`Geen deelnemers`}</Text>
                      ) : (
                        <Button size="compact-sm" variant="default" onClick={() => setDialog({ kind: 'attendance', session: s })} aria-label={t`Aanwezigheid registreren voor ${day}`}>
                          {t`Aanwezigheid registreren`}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ScrollTable>
        )}
      </SectionCard>

      <SectionCard id="course-participants-title" title={t`Deelnemers`}>
        {c.enrolments.length === 0 ? (
          <Text>{t`Nog niemand ingeschreven.`}</Text>
        ) : (
          <ScrollTable minWidth={1150} label={t`Deelnemers`}>
            <ColumnHeads labels={[t`Naam`, t`Status`, t`Wachtend sinds`, t`Reden voor uitzondering`, t`Aanwezige uren`, t`Procesevaluatie`, t`Acties`]} />
            <Table.Tbody>
              {c.enrolments.map((e) => {
                const name = participantName(e);
                return (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Text span dir="auto" fw={600} display="block">
                        {e.name}
                      </Text>
                      {e.nameLatin && e.nameLatin !== e.name && (
                        <Text span size="sm" display="block">
                          {e.nameLatin}
                        </Text>
                      )}
                      {canReadDossier && <OpenDossierLink dossierId={e.dossierId} label={t`Dossier van ${name} openen`} />}
                    </Table.Td>
                    <Table.Td style={{ minWidth: '8rem' }}>
                      <StatusBadge color={ENROLMENT_STATUS_COLOR[e.status] ?? 'gray'}>{enrolmentStatusLabel(i18n, e.status)}</StatusBadge>
                      {e.endedOn && <Text size="xs">{formatDate(i18n.locale, e.endedOn)}</Text>}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(i18n.locale, e.waitingSince)}</Table.Td>
                    <Table.Td dir="auto">{e.exceptionReason ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t`${e.attendedHours} van ${c.hours} uur`}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {e.processEvaluation
                        ? t`${e.processEvaluation.correct} op ${e.processEvaluation.total} (${formatDate(i18n.locale, e.processEvaluation.date)})`
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {canRecord && e.status !== 'dropped-out' && (
                          <Button size="compact-sm" variant="default" onClick={() => setDialog({ kind: 'evaluation', enrolment: e })} aria-label={t`Procesevaluatie van ${name}`}>
                            {t`Procesevaluatie`}
                          </Button>
                        )}
                        {canManage && e.status === 'enrolled' && (
                          <Button size="compact-sm" variant="default" color="red" onClick={() => setDialog({ kind: 'drop-out', enrolment: e })} aria-label={t`Uitval van ${name} registreren`}>
                            {t`Uitval`}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ScrollTable>
        )}
      </SectionCard>

      <AppModal opened={dialog !== null} onClose={close} title={dialogTitle} size="lg">
        {dialog?.kind === 'fill' && <FillForm course={c} onCancel={close} onDone={(n) => done(plural(n, { 0: 'Niemand wachtte in deze taal en dit werkingsgebied.', one: '# persoon ingeschreven uit de wachtlijst.', other: '# personen ingeschreven uit de wachtlijst.' }))} />}
        {dialog?.kind === 'enrol' && <EnrolForm course={c} onCancel={close} onDone={() => done(t`De persoon is ingeschreven.`)} />}
        {dialog?.kind === 'copy' && <CopyForm course={c} onCancel={close} onDone={(copies) => done(<CopiesNotice copies={copies} />)} />}
        {dialog?.kind === 'complete' && <CompleteForm course={c} onCancel={close} onDone={() => done(t`De cursus is afgerond.`)} />}
        {dialog?.kind === 'attendance' && <AttendanceForm course={c} session={dialog.session} onCancel={close} onDone={() => done(t`De aanwezigheid is geregistreerd.`)} />}
        {dialog?.kind === 'drop-out' && <DropOutForm course={c} enrolment={dialog.enrolment} onCancel={close} onDone={() => done(t`De uitval is geregistreerd; de persoon staat weer op de wachtlijst.`)} />}
        {dialog?.kind === 'evaluation' && <EvaluationForm course={c} enrolment={dialog.enrolment} onCancel={close} onDone={() => done(t`De procesevaluatie is geregistreerd.`)} />}
      </AppModal>
    </Stack>
  );
}

function useDialogTitle(dialog: Dialog | null): string {
  const { t, i18n } = useLingui();
  const locale = i18n.locale;
  if (!dialog) return '';
  switch (dialog.kind) {
    case 'fill':
      return t`Aanvullen uit de wachtlijst`;
    case 'enrol':
      return t`Persoon inschrijven`;
    case 'copy':
      return t`Kopiëren als reeks`;
    case 'complete':
      return t`Cursus afronden`;
    case 'attendance': {
      const day = formatBelgianDay(locale, dialog.session.startsAt);
      return t`Aanwezigheid op ${day}`;
    }
    case 'drop-out': {
      const name = participantName(dialog.enrolment);
      return t`Uitval van ${name}`;
    }
    case 'evaluation': {
      const name = participantName(dialog.enrolment);
      return t`Procesevaluatie van ${name}`;
    }
  }
}

function CopiesNotice({ copies }: { copies: CourseDetail[] }) {
  const { t, i18n } = useLingui();
  return (
    <Stack gap={4}>
      <Text size="sm">{plural(copies.length, { one: '# kopie gepland:', other: '# kopieën gepland:' })}</Text>
      <List size="sm">
        {copies.map((copy) => (
          <List.Item key={copy.id}>
            <AnchorLink to="/planning/mo/courses/$courseId" params={{ courseId: copy.id }}>
              {t`${copy.code}, vanaf ${formatDate(i18n.locale, copy.startsOn)}`}
            </AnchorLink>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

const coursePath = (c: CourseDetail, rest = '') => `/mo/courses/${encodeURIComponent(c.id)}${rest}`;

function FillForm({ course, onCancel, onDone }: { course: CourseDetail; onCancel: () => void; onDone: (enrolled: number) => void }) {
  const { t } = useLingui();
  const free = course.capacity - course.enrolled;
  const [date, setDate] = useState(belgianToday());
  const [count, setCount] = useState<string | number>(free);
  const write = useMoWrite<{ enrolled: number }>((r) => onDone(r.enrolled));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate({ path: coursePath(course, '/fill'), body: { date, ...(count !== '' ? { count: Number(count) } : {}) } });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t`De vrije plaatsen gaan naar wie het langst wacht, in dezelfde taal en hetzelfde werkingsgebied.`}</Text>
        <WriteProblem error={write.error} handledFields={['date', 'count']} />
        <TextInput type="date" label={t`Datum van inschrijving`} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fieldError(write.error, 'date')} />
        <NumberInput label={t`Aantal plaatsen om te vullen`} description={t`Vrije plaatsen: ${free}`} min={1} max={free} allowDecimal={false} value={count} onChange={setCount} error={fieldError(write.error, 'count')} />
        <FormButtons submitLabel={t`Aanvullen`} submitting={write.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Enrols one waiting person; passing over people who waited longer needs a recorded reason (R-20). */
function EnrolForm({ course, onCancel, onDone }: { course: CourseDetail; onCancel: () => void; onDone: () => void }) {
  const { t, i18n } = useLingui();
  const waiting = useWaitingList({ language: course.language });
  const [personId, setPersonId] = useState('');
  const [date, setDate] = useState(belgianToday());
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const write = useMoWrite(onDone);
  const refusal = isApiError(write.error, 'rule-violation') ? (write.error as ApiError) : null;
  const needsReason = refusal !== null && ['passes-over-waiting-list', 'language-mismatch'].includes(String(refusal.problem.refusal));
  useEffect(() => {
    if (needsReason) reasonRef.current?.focus();
  }, [needsReason]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = [...(personId ? [] : ['personId']), ...(needsReason && reason.trim().length < 3 ? ['exceptionReason'] : [])];
    setMissing(empty);
    if (empty.length > 0) return;
    write.mutate({ path: coursePath(course, '/enrolments'), body: { date, personId, ...(reason.trim() ? { exceptionReason: reason.trim() } : {}) } });
  };
  const options = (waiting.data ?? []).map((w) => ({
    value: w.personId,
    label: `${w.nameLatin && w.nameLatin !== w.name ? `${w.name} (${w.nameLatin})` : w.name} — ${t`wacht sinds ${formatDate(i18n.locale, w.waitingSince)}`}${w.region ? `, ${regionLabel(i18n, w.region)}` : ''}`,
  }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {refusal ? <RefusalAlert error={refusal} /> : <ProblemAlert error={write.error} handledFields={['date', 'personId', 'exceptionReason']} />}
        {needsReason && (
          <Text size="sm" fw={600}>
            {t`Wil je deze persoon toch inschrijven? Noteer dan waarom (een manuele uitzondering).`}
          </Text>
        )}
        <ProblemAlert error={waiting.error} />
        <NativeSelect
          label={t`Persoon op de wachtlijst`}
          description={t`Wachtenden in de cursustaal, langst wachtenden eerst.`}
          required
          value={personId}
          onChange={(e) => {
            setPersonId(e.currentTarget.value);
            write.reset();
          }}
          data={[{ value: '', label: waiting.isPending ? t`Bezig met laden…` : options.length === 0 ? t`Niemand wacht in deze taal` : t`Kies…` }, ...options]}
          error={missing.includes('personId') ? t`Kies een persoon.` : fieldError(write.error, 'personId')}
        />
        <TextInput type="date" label={t`Datum van inschrijving`} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fieldError(write.error, 'date')} />
        <Textarea
          ref={reasonRef}
          label={t`Reden voor uitzondering`}
          description={t`Nodig wanneer je iemand inschrijft vóór mensen die langer wachten, of in een andere taal.`}
          required={needsReason}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={missing.includes('exceptionReason') ? t`Geef een reden van minstens drie tekens.` : fieldError(write.error, 'exceptionReason')}
          dir="auto"
        />
        <FormButtons submitLabel={needsReason ? t`Toch inschrijven` : t`Inschrijven`} submitting={write.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function CopyForm({ course, onCancel, onDone }: { course: CourseDetail; onCancel: () => void; onDone: (copies: CourseDetail[]) => void }) {
  const { t } = useLingui();
  const [startsOn, setStartsOn] = useState(addDays(course.startsOn, 28));
  const [count, setCount] = useState<string | number>(1);
  const [interval, setInterval] = useState<string | number>(4);
  const write = useMoWrite<{ items: CourseDetail[] }>((r) => onDone(r.items));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate({ path: coursePath(course, '/copies'), body: { startsOn, count: Number(count || 1), intervalWeeks: Number(interval || 4) } });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t`De kopieën krijgen dezelfde lesmomenten, met dezelfde weekdagen en uren, verschoven naar de nieuwe startdatum.`}</Text>
        <WriteProblem error={write.error} handledFields={['startsOn', 'count', 'intervalWeeks']} />
        <TextInput type="date" label={t`Startdatum van de eerste kopie`} required value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={fieldError(write.error, 'startsOn')} />
        <NumberInput label={t`Aantal kopieën`} required min={1} max={26} allowDecimal={false} value={count} onChange={setCount} error={fieldError(write.error, 'count')} />
        <NumberInput label={t`Om de hoeveel weken`} required min={1} max={52} allowDecimal={false} value={interval} onChange={setInterval} error={fieldError(write.error, 'intervalWeeks')} />
        <FormButtons submitLabel={t`Kopieën plannen`} submitting={write.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function CompleteForm({ course, onCancel, onDone }: { course: CourseDetail; onCancel: () => void; onDone: () => void }) {
  const { t } = useLingui();
  const [date, setDate] = useState(belgianToday());
  const write = useMoWrite(onDone);
  const running = course.enrolments.filter((e) => e.status === 'enrolled').length;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate({ path: coursePath(course, '/complete'), body: { date } });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {plural(running, {
            0: 'Er zijn geen lopende deelnemers. De cursus wordt afgesloten.',
            one: 'De # lopende deelnemer rondt de cursus af met de geregistreerde uren. Dit kan niet ongedaan worden gemaakt.',
            other: 'De # lopende deelnemers ronden de cursus af met hun geregistreerde uren. Dit kan niet ongedaan worden gemaakt.',
          })}
        </Text>
        <WriteProblem error={write.error} handledFields={['date']} />
        <TextInput type="date" label={t`Einddatum`} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fieldError(write.error, 'date')} />
        <FormButtons submitLabel={t`Cursus afronden`} submitting={write.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** The attendance checklist of one session: every running participant, present or not. */
function AttendanceForm({ course, session, onCancel, onDone }: { course: CourseDetail; session: CourseSession; onCancel: () => void; onDone: () => void }) {
  const { t } = useLingui();
  const running = course.enrolments.filter((e) => e.status === 'enrolled');
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const write = useMoWrite(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate({
      method: 'PUT',
      path: coursePath(course, `/sessions/${encodeURIComponent(session.id)}/attendance`),
      body: { attendance: running.map((r) => ({ enrolmentId: r.id, present: present[r.id] === true })) },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <WriteProblem error={write.error} />
        <Checkbox.Group label={t`Aanwezig`} description={t`Vink aan wie aanwezig was. Wie niet aangevinkt is, wordt als afwezig geregistreerd.`} value={Object.keys(present).filter((k) => present[k])} onChange={(ids) => setPresent(Object.fromEntries(ids.map((id) => [id, true])))}>
          <Stack gap="xs" mt="xs">
            {running.map((r) => (
              <Checkbox key={r.id} value={r.id} label={<span dir="auto">{participantName(r)}</span>} />
            ))}
          </Stack>
        </Checkbox.Group>
        <FormButtons submitLabel={t`Aanwezigheid opslaan`} submitting={write.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function DropOutForm({ course, enrolment, onCancel, onDone }: { course: CourseDetail; enrolment: Enrolment; onCancel: () => void; onDone: () => void }) {
  const { t } = useLingui();
  const [date, setDate] = useState(belgianToday());
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const write = useMoWrite(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(reason.trim().length < 3);
    if (reason.trim().length < 3) return;
    write.mutate({ path: coursePath(course, `/enrolments/${encodeURIComponent(enrolment.id)}/drop-out`), body: { date, reason: reason.trim() } });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t`De persoon komt terug op de wachtlijst met de oorspronkelijke wachtdatum.`}</Text>
        <WriteProblem error={write.error} handledFields={['date', 'reason']} />
        <TextInput type="date" label={t`Datum van uitval`} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fieldError(write.error, 'date')} />
        <Textarea
          label={t`Reden`}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={missing ? t`Geef een reden van minstens drie tekens.` : fieldError(write.error, 'reason')}
          dir="auto"
        />
        <FormButtons submitLabel={t`Uitval registreren`} submitting={write.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function EvaluationForm({ course, enrolment, onCancel, onDone }: { course: CourseDetail; enrolment: Enrolment; onCancel: () => void; onDone: () => void }) {
  const { t } = useLingui();
  const [date, setDate] = useState(enrolment.processEvaluation?.date ?? belgianToday());
  const [correct, setCorrect] = useState<string | number>(enrolment.processEvaluation?.correct ?? '');
  const [total, setTotal] = useState<string | number>(enrolment.processEvaluation?.total ?? '');
  const [missing, setMissing] = useState(false);
  const write = useMoWrite(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = correct === '' || total === '';
    setMissing(empty);
    if (empty) return;
    write.mutate({
      path: coursePath(course, `/enrolments/${encodeURIComponent(enrolment.id)}/process-evaluation`),
      body: { date, score: { correct: Number(correct), total: Number(total) } },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <WriteProblem error={write.error} handledFields={['date', 'score.correct', 'score.total']} />
        {missing && (
          <Text c="red.8" size="sm" role="alert">
            {t`Vul de verplichte velden in.`}
          </Text>
        )}
        <TextInput type="date" label={t`Datum van de evaluatie`} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fieldError(write.error, 'date')} />
        <Group grow align="flex-start">
          <NumberInput label={t`Punten behaald`} required min={0} max={1000} allowDecimal={false} value={correct} onChange={setCorrect} error={fieldError(write.error, 'score.correct')} />
          <NumberInput label={t`Op een totaal van`} required min={1} max={1000} allowDecimal={false} value={total} onChange={setTotal} error={fieldError(write.error, 'score.total')} />
        </Group>
        <FormButtons submitLabel={t`Procesevaluatie opslaan`} submitting={write.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
