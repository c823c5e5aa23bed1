import { Anchor, Button, Group, List, Loader, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../../api/client';
import { brusselsDate } from '../../api/orientation';
import { portalKeys, TASK_KINDS, taskFileUrl, useDossierPortalTasks, useGiveTask, useReviewTask, type PortalTask, type ReviewInput, type TaskKind } from '../../api/portal';
import { usePermission } from '../../api/queries';
import { belgianToday } from '../../api/trajectory';
import { formatDate, formatDateTime } from '../../labels';
import { formatFileSize, TASK_STATUS_COLOR, taskKindLabel, taskStatusLabel } from '../../portalLabels';
import { Facts } from '../Facts';
import { FormButtons } from '../FormButtons';
import { SuccessNote } from '../nt2/shared';
import { fieldError, ProblemAlert } from '../ProblemAlert';
import { SectionCard } from '../SectionCard';
import { StatusBadge } from '../StatusBadge';
import { WriteProblem } from '../WriteProblem';

/**
 * "Taken in het portaal" on the dossier page (issue 6 §4): the tasks the newcomer has in the portal
 * with what they handed in, the case worker's review (accept, with the hours for a proof of
 * participation; reject with a reason the newcomer reads), and the form to give a new task.
 */
export function DossierPortalTasks({ dossierId }: { dossierId: string }) {
  const { t } = useLingui();
  const canRead = usePermission('dossier.read');
  const canGuide = usePermission('dossier.guide');
  const tasks = useDossierPortalTasks(dossierId, canRead);
  if (!canRead) return null;
  const items = tasks.data ?? [];
  return (
    <SectionCard id="portal-tasks-title" title={t`Taken in het portaal`}>
      <Stack>
        <div aria-live="polite">{tasks.isPending && <Loader size="sm" aria-label={t`Bezig met laden…`} />}</div>
        <ProblemAlert error={tasks.error} />
        {tasks.isSuccess && items.length === 0 && <Text>{t`De nieuwkomer heeft nog geen taken in het portaal.`}</Text>}
        {items.map((task) => (
          <TaskCard key={task.id} task={task} canGuide={canGuide} />
        ))}
        {canGuide && <GiveTaskForm dossierId={dossierId} />}
      </Stack>
    </SectionCard>
  );
}

type Mode = 'idle' | 'accept' | 'reject';

function TaskCard({ task, canGuide }: { task: PortalTask; canGuide: boolean }) {
  const { t, i18n } = useLingui();
  const headingId = `portal-task-${task.id}`;
  const kind = taskKindLabel(i18n, task.kind);
  const title = task.title;
  const heading = title ? t`${kind}: ${title}` : kind;
  const [mode, setMode] = useState<Mode>('idle');
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const acceptRef = useRef<HTMLButtonElement>(null);
  const rejectRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<'accept' | 'reject' | null>(null);

  const review = useReviewTask(task.id, (result, input) => {
    returnTo.current = null;
    setMode('idle');
    setDone(reviewMessage(input, result));
    // The buttons are gone now: keep the keyboard in this task.
    headingRef.current?.focus();
  });
  const reviewMessage = (input: ReviewInput, result: PortalTask): string => {
    if (input.decision === 'reject') return t`De taak is geweigerd. De nieuwkomer leest de reden in het portaal en kan de taak opnieuw indienen.`;
    if (result.kind === 'upload-participation-proof' && result.hours !== null) {
      const hours = result.hours;
      return t`Aanvaard: ${hours} uur participatie is in het dossier geregistreerd.`;
    }
    if (result.kind === 'register-employment-service') return t`Aanvaard: de inschrijving bij de arbeidsbemiddeling is in het dossier geregistreerd.`;
    return t`De taak is aanvaard.`;
  };

  // Reviewed meanwhile by someone else (409): show the task as it is now, beside the problem.
  const queryClient = useQueryClient();
  const conflict = isApiError(review.error, 'conflict');
  useEffect(() => {
    if (conflict) void queryClient.invalidateQueries({ queryKey: portalKeys.dossierTasks(task.dossierId) });
  }, [conflict, queryClient, task.dossierId]);

  // Back to the button that opened a form when it is closed without a decision.
  useEffect(() => {
    if (mode !== 'idle' || !returnTo.current) return;
    (returnTo.current === 'accept' ? acceptRef : rejectRef).current?.focus();
    returnTo.current = null;
  }, [mode]);

  /** The buttons open and close their form (a disclosure); they stay, so the keyboard can go back. */
  const toggle = (next: Exclude<Mode, 'idle'>) => {
    review.reset();
    setDone(null);
    if (mode === next) {
      returnTo.current = null;
      setMode('idle');
      return;
    }
    returnTo.current = next;
    setMode(next);
  };
  const cancel = () => {
    review.reset();
    setMode('idle');
  };
  const accept = () => {
    if (task.kind === 'upload-participation-proof') {
      toggle('accept');
      return;
    }
    setDone(null);
    review.mutate({ decision: 'accept' });
  };

  const empty = '—';
  const rows: [string, ReactNode][] = [
    [t`Status`, <StatusBadge color={TASK_STATUS_COLOR[task.status] ?? 'gray'}>{taskStatusLabel(i18n, task.status)}</StatusBadge>],
    [t`Uiterste datum`, task.dueDate ? formatDate(i18n.locale, task.dueDate) : t`Geen`],
    [t`Gegeven op`, formatDateTime(i18n.locale, task.createdAt)],
    [t`Ingediend op`, task.submittedAt ? formatDateTime(i18n.locale, task.submittedAt) : t`Nog niet ingediend`],
  ];
  if (task.kind === 'choose-participation-activity' || task.kind === 'upload-participation-proof' || task.activity) {
    rows.push([t`Gekozen activiteit`, task.activity ? <span dir="auto">{task.activity.name}</span> : empty]);
  }
  rows.push([t`Notitie van de nieuwkomer`, task.note ? <span dir="auto" style={{ whiteSpace: 'pre-wrap' }}>{task.note}</span> : empty]);
  if (task.hours !== null) rows.push([t`Aanvaarde uren`, String(task.hours)]);
  if (task.reviewedAt && (task.status === 'accepted' || task.status === 'rejected')) {
    const on = formatDateTime(i18n.locale, task.reviewedAt);
    const by = task.reviewedBy;
    rows.push([t`Nagekeken`, by ? t`door ${by} op ${on}` : on]);
  }
  if (task.rejectionReason) {
    rows.push([
      task.status === 'rejected' ? t`Reden van de weigering` : t`Reden van de vorige weigering`,
      <span dir="auto" style={{ whiteSpace: 'pre-wrap' }}>{task.rejectionReason}</span>,
    ]);
  }

  const filesLabelId = `portal-task-files-${task.id}`;
  const formId = `portal-task-review-${task.id}`;
  const needsHours = task.kind === 'upload-participation-proof';
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId} ref={headingRef} tabIndex={-1} dir="auto">
          {heading}
        </Title>
        <Facts rows={rows} />
        <div>
          <Text fw={600} size="sm" id={filesLabelId}>
            {t`Bestanden`}
          </Text>
          {task.files.length === 0 ? (
            <Text size="sm">{t`Geen bestanden opgeladen.`}</Text>
          ) : (
            <List size="sm" aria-labelledby={filesLabelId}>
              {task.files.map((f) => (
                <List.Item key={f.id}>
                  <Anchor href={taskFileUrl(task.id, f.id)} download={f.name} dir="auto">
                    {f.name}
                  </Anchor>{' '}
                  ({formatFileSize(i18n.locale, f.size)}
                  {f.scanned ? '' : `, ${t`niet op virussen gecontroleerd`}`})
                </List.Item>
              ))}
            </List>
          )}
        </div>
        {done && <SuccessNote onClose={() => setDone(null)}>{done}</SuccessNote>}
        <WriteProblem error={review.error} handledFields={mode === 'idle' ? [] : ['hours', 'date', 'reason']} />
        {task.status === 'submitted' && canGuide && (
          <>
            <Group>
              <Button
                ref={acceptRef}
                onClick={accept}
                loading={review.isPending && mode === 'idle'}
                disabled={review.isPending && mode !== 'idle'}
                variant={mode === 'reject' ? 'default' : 'filled'}
                {...(needsHours ? { 'aria-expanded': mode === 'accept', 'aria-controls': formId } : {})}
              >
                {t`Aanvaarden`}
              </Button>
              <Button
                ref={rejectRef}
                variant={mode === 'reject' ? 'filled' : 'default'}
                onClick={() => toggle('reject')}
                disabled={review.isPending}
                aria-expanded={mode === 'reject'}
                aria-controls={formId}
              >
                {t({ message: 'Weigeren', context: 'review', comment: 'Rejecting a task the newcomer handed in' })}
              </Button>
            </Group>
            <div id={formId}>
              {mode === 'accept' && <AcceptForm task={task} heading={heading} error={review.error} submitting={review.isPending} onSubmit={(input) => review.mutate(input)} onCancel={cancel} />}
              {mode === 'reject' && <RejectForm heading={heading} error={review.error} submitting={review.isPending} onSubmit={(input) => review.mutate(input)} onCancel={cancel} />}
            </div>
          </>
        )}
      </Stack>
    </Paper>
  );
}

interface ReviewFormProps {
  heading: string;
  error: unknown;
  submitting: boolean;
  onSubmit: (input: ReviewInput) => void;
  onCancel: () => void;
}

/** Accepting a proof of participation: the hours it proves and the day of the activity. */
function AcceptForm({ task, heading, error, submitting, onSubmit, onCancel }: ReviewFormProps & { task: PortalTask }) {
  const { t } = useLingui();
  const [hours, setHours] = useState<string | number>('');
  const [date, setDate] = useState(task.submittedAt ? brusselsDate(task.submittedAt) : '');
  const [missing, setMissing] = useState(false);
  const hoursRef = useRef<HTMLInputElement>(null);
  useEffect(() => hoursRef.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = typeof hours === 'number' ? hours : Number(String(hours).replace(',', '.'));
    if (hours === '' || !Number.isFinite(value) || value <= 0) {
      setMissing(true);
      hoursRef.current?.focus();
      return;
    }
    setMissing(false);
    onSubmit({ decision: 'accept', hours: value, ...(date ? { date } : {}) });
  };
  return (
    <form onSubmit={submit} aria-label={t`Aanvaarden: ${heading}`} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput
            ref={hoursRef}
            label={t`Uren`}
            description={t`De uren participatie die het bewijs aantoont; ze worden in het dossier geregistreerd.`}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            min={0}
            max={200}
            allowNegative={false}
            decimalScale={2}
            value={hours}
            onChange={setHours}
            error={missing ? t`Vul het aantal uren in.` : fieldError(error, 'hours')}
          />
          <TextInput
            type="date"
            label={t`Datum`}
            description={t`Wanneer de activiteit plaatsvond; standaard de dag van indienen.`}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={date}
            max={belgianToday()}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={fieldError(error, 'date')}
          />
        </SimpleGrid>
        <FormButtons submitLabel={t`Aanvaarding bevestigen`} submitting={submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Rejecting a task: the reason, which the newcomer reads in the portal. */
function RejectForm({ heading, error, submitting, onSubmit, onCancel }: ReviewFormProps) {
  const { t } = useLingui();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => reasonRef.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      reasonRef.current?.focus();
      return;
    }
    setMissing(false);
    onSubmit({ decision: 'reject', reason: reason.trim() });
  };
  return (
    <form onSubmit={submit} aria-label={t`Weigeren: ${heading}`} noValidate>
      <Stack gap="sm">
        <Textarea
          ref={reasonRef}
          label={t`Reden`}
          description={t`De nieuwkomer leest deze reden in het portaal. Zeg wat er ontbreekt of beter moet.`}
          required
          autosize
          minRows={2}
          maxRows={8}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={missing ? t`Vul een reden in.` : fieldError(error, 'reason')}
          dir="auto"
        />
        <FormButtons submitLabel={t`Weigering bevestigen`} submitting={submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** "Taak geven": a new task in the newcomer's portal. */
function GiveTaskForm({ dossierId }: { dossierId: string }) {
  const { t, i18n } = useLingui();
  const [kind, setKind] = useState<TaskKind>('register-employment-service');
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [missingTitle, setMissingTitle] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const give = useGiveTask(dossierId, (task) => {
    const label = taskKindLabel(i18n, task.kind);
    setDone(t`De taak “${label}” staat nu in het portaal van de nieuwkomer.`);
    setTitle('');
    setDueDate('');
  });
  const titleRequired = kind === 'other';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (titleRequired && title.trim() === '') {
      setMissingTitle(true);
      titleRef.current?.focus();
      return;
    }
    setMissingTitle(false);
    give.mutate({ kind, ...(title.trim() ? { title: title.trim() } : {}), ...(dueDate ? { dueDate } : {}) });
  };
  return (
    <Paper withBorder p="md" bg="gray.0">
      <form onSubmit={submit} aria-labelledby="give-portal-task-title" noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="give-portal-task-title">
            {t`Taak geven`}
          </Title>
          {done && <SuccessNote onClose={() => setDone(null)}>{done}</SuccessNote>}
          <WriteProblem error={give.error} handledFields={['kind', 'title', 'dueDate']} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t`Soort taak`}
              required
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as TaskKind)}
              data={TASK_KINDS.map((k) => ({ value: k, label: taskKindLabel(i18n, k) }))}
              error={fieldError(give.error, 'kind')}
            />
            <TextInput
              ref={titleRef}
              label={t`Titel`}
              description={titleRequired ? t`Wat de nieuwkomer moet doen.` : t`Niet verplicht: wat de nieuwkomer moet doen, in je eigen woorden.`}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              required={titleRequired}
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={missingTitle ? t`Vul een titel in.` : fieldError(give.error, 'title')}
              dir="auto"
            />
            <TextInput
              type="date"
              label={t`Uiterste datum`}
              min={belgianToday()}
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              error={fieldError(give.error, 'dueDate')}
            />
          </SimpleGrid>
          <FormButtons submitLabel={t`Taak geven`} submitting={give.isPending} />
        </Stack>
      </form>
    </Paper>
  );
}
