import { useLingui } from '@lingui/react/macro';
import { useId, useRef, useState, type FormEvent } from 'react';
import { portalApi, type Task, type TaskFile } from '../api';
import { ErrorAlert, Loading, StatusMessage, useErrorText } from '../components/Alert';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import { Page } from '../components/Page';
import { formatDate, formatSize, languageName, todayInBrussels } from '../format';
import type { Locale } from '../i18n';
import { TASK_KINDS, TASK_STATUSES } from '../labels';
import { useResource } from '../useResource';

/**
 * What the browser checks before an upload (the server judges again, by the bytes): the types the
 * server accepts (PDF, JPEG, PNG, HEIC/HEIF, WebP) and its default limit of 10 MB.
 */
export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif', 'image/webp'] as const;
const UPLOAD_EXTENSIONS = /\.(pdf|jpe?g|png|heic|heif|webp)$/i;
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
const MAX_NOTE = 500;

export function checkUpload(file: File): 'ok' | 'empty' | 'too-large' | 'wrong-type' {
  if (file.size === 0) return 'empty';
  if (file.size > UPLOAD_MAX_BYTES) return 'too-large';
  // Some phones give no type for HEIC photos: the name decides then.
  const typeOk = file.type ? (UPLOAD_TYPES as readonly string[]).includes(file.type.toLowerCase()) : UPLOAD_EXTENSIONS.test(file.name);
  return typeOk ? 'ok' : 'wrong-type';
}

const OPEN: ReadonlySet<Task['status']> = new Set(['open', 'rejected']);

/** "My tasks": what the case worker asked, its status, and doing it (upload proof, choose an activity, confirm). */
export function TasksPage({ locale }: { locale: Locale }) {
  const { t } = useLingui();
  const errorText = useErrorText();
  const tasks = useResource((signal) => portalApi.tasks(signal));
  const [submitted, setSubmitted] = useState(false);
  const order: Record<Task['status'], number> = { rejected: 0, open: 1, submitted: 2, accepted: 3 };
  const items = [...(tasks.data?.items ?? [])].sort(
    (a, b) => order[a.status] - order[b.status] || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
  );

  return (
    <Page title={t`Mijn taken`} icon="tasks">
      {submitted ? <StatusMessage>{t`Verstuurd: je begeleider kijkt het na`}</StatusMessage> : null}
      {tasks.state === 'error' ? <ErrorAlert onRetry={tasks.reload}>{errorText(tasks.error)}</ErrorAlert> : null}
      {tasks.data ? (
        items.length === 0 ? (
          <div className="card">
            <p>{t`Je hebt geen taken.`}</p>
          </div>
        ) : (
          <ul className="card-list">
            {items.map((task) => (
              <TaskCard
                key={task.id}
                task={task}
                locale={locale}
                onSubmitted={() => {
                  setSubmitted(true);
                  tasks.reload();
                }}
                onFilesChanged={tasks.reload}
              />
            ))}
          </ul>
        )
      ) : tasks.state === 'loading' ? (
        <Loading />
      ) : null}
    </Page>
  );
}

function TaskCard({ task, locale, onSubmitted, onFilesChanged }: { task: Task; locale: Locale; onSubmitted: () => void; onFilesChanged: () => void }) {
  const { t } = useLingui();
  const status = TASK_STATUSES[task.status];
  const kindLabel = t(TASK_KINDS[task.kind] ?? TASK_KINDS.other);
  const late = task.dueDate !== null && OPEN.has(task.status) && task.dueDate < todayInBrussels();
  const headingId = `task-${task.id}`;

  return (
    <li className="card">
      <h2 id={headingId} className="card-title">
        {task.title ?? kindLabel}
      </h2>
      {task.title ? <p className="tag">{kindLabel}</p> : null}
      {status ? (
        <p className={`chip chip-${status.tone}`}>
          <Icon name={status.icon} size={20} />
          <span>{t(status.label)}</span>
        </p>
      ) : null}
      {task.dueDate && OPEN.has(task.status) ? (
        <p className={late ? 'due due-late' : 'due'}>
          <Icon name={late ? 'alert' : 'clock'} size={20} />
          <span>
            {late ? t`Te laat: dit moest voor ${formatDate(locale, task.dueDate)}.` : t`Doe dit voor ${formatDate(locale, task.dueDate)}.`}
          </span>
        </p>
      ) : null}
      {task.status === 'rejected' && task.rejectionReason ? (
        <div className="note note-bad">
          <p className="strong">{t`Waarom niet goedgekeurd:`}</p>
          <p>{task.rejectionReason}</p>
          <p>{t`Pas het aan en verstuur het opnieuw.`}</p>
        </div>
      ) : null}
      {task.activity ? (
        <p>
          {t`Gekozen activiteit:`} <span className="strong">{task.activity.name}</span>
        </p>
      ) : null}
      {task.files.length > 0 ? <FileList files={task.files} locale={locale} /> : null}
      {OPEN.has(task.status) ? <TaskAction task={task} locale={locale} onSubmitted={onSubmitted} onFilesChanged={onFilesChanged} /> : null}
    </li>
  );
}

function FileList({ files, locale }: { files: TaskFile[]; locale: Locale }) {
  const { t } = useLingui();
  return (
    <>
      <h3 className="small-heading">{t`Verstuurde bestanden`}</h3>
      <ul className="plain-list">
        {files.map((file) => (
          <li key={file.id} className="with-icon">
            <Icon name="document" size={20} />
            <span>
              <bdi className="break">{file.name}</bdi> <span className="muted">({formatSize(locale, file.size)})</span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function TaskAction({ task, locale, onSubmitted, onFilesChanged }: { task: Task; locale: Locale; onSubmitted: () => void; onFilesChanged: () => void }) {
  const { t } = useLingui();
  const errorText = useErrorText();
  const [note, setNote] = useState('');
  const [activityId, setActivityId] = useState<string | null>(task.activity?.id ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [uploaded, setUploaded] = useState(0);
  const needsFile = task.kind === 'upload-participation-proof';
  const needsActivity = task.kind === 'choose-participation-activity';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (needsFile && task.files.length + uploaded === 0) {
      setFormError(t`Stuur eerst een foto of PDF van je bewijs.`);
      return;
    }
    if (needsActivity && !activityId) {
      setFormError(t`Kies een activiteit`);
      return;
    }
    setFormError(null);
    setBusy(true);
    try {
      await portalApi.submitTask(task.id, {
        ...(needsActivity && activityId ? { activityId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onSubmitted();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="task-action">
      {task.kind === 'register-employment-service' ? (
        <>
          <p>{t`Schrijf je in als werkzoekende. In Vlaanderen doe je dat bij VDAB, in Brussel bij Actiris.`}</p>
          <ul className="link-list">
            <li>
              <a href="https://www.vdab.be" target="_blank" rel="noopener noreferrer">
                {t`Naar VDAB (Vlaanderen)`}
                <span className="visually-hidden"> {t`(opent in een nieuw venster)`}</span>
              </a>
            </li>
            <li>
              <a href="https://www.actiris.brussels" target="_blank" rel="noopener noreferrer">
                {t`Naar Actiris (Brussel)`}
                <span className="visually-hidden"> {t`(opent in een nieuw venster)`}</span>
              </a>
            </li>
          </ul>
          <p>{t`Ben je ingeschreven? Laat het ons hieronder weten.`}</p>
        </>
      ) : null}

      {task.kind === 'upload-participation-proof' || task.kind === 'other' ? (
        <FileUpload
          task={task}
          locale={locale}
          onUploaded={() => {
            setUploaded((n) => n + 1);
            setFormError(null);
            onFilesChanged();
          }}
        />
      ) : null}

      <form onSubmit={submit} noValidate>
        {needsActivity ? <ActivityChoice locale={locale} value={activityId} onChange={setActivityId} /> : null}
        {needsActivity || task.kind === 'register-employment-service' ? null : (
          <Field label={t`Bericht voor je begeleider (niet verplicht)`}>
            <textarea rows={2} maxLength={MAX_NOTE} value={note} onChange={(event) => setNote(event.target.value)} />
          </Field>
        )}
        {formError ? (
          <p className="field-error" role="alert">
            {formError}
          </p>
        ) : null}
        {error ? <ErrorAlert>{errorText(error)}</ErrorAlert> : null}
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy
            ? t`Even geduld…`
            : task.kind === 'register-employment-service'
              ? t`Ik ben ingeschreven`
              : t`Versturen naar je begeleider`}
        </button>
      </form>
    </div>
  );
}

function FileUpload({ task, locale, onUploaded }: { task: Task; locale: Locale; onUploaded: () => void }) {
  const { t } = useLingui();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const photoId = useId();
  const fileId = useId();
  const errorId = useId();
  const maxMb = UPLOAD_MAX_BYTES / (1024 * 1024);

  const choose = (chosen: File | null) => {
    setError(null);
    setDone(null);
    if (!chosen) {
      setFile(null);
      setFileError(null);
      return;
    }
    const check = checkUpload(chosen);
    if (check === 'too-large') setFileError(t`Dit bestand is te groot. Het mag maximaal ${maxMb} MB zijn.`);
    else if (check === 'wrong-type') setFileError(t`Dit soort bestand kan niet. Kies een foto (JPG, PNG, HEIC of WebP) of een PDF.`);
    else if (check === 'empty') setFileError(t`Dit bestand is leeg. Kies een ander bestand.`);
    else setFileError(null);
    setFile(check === 'ok' ? chosen : null);
  };

  const upload = async () => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const saved = await portalApi.uploadTaskFile(task.id, file, setProgress).promise;
      setDone(saved.name || file.name);
      setFile(null);
      if (photoInput.current) photoInput.current.value = '';
      if (fileInput.current) fileInput.current.value = '';
      onUploaded();
    } catch (cause) {
      setError(cause);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="subform" aria-labelledby={headingId}>
      <h3 id={headingId} className="small-heading">
        <Icon name="upload" size={20} />
        <span>{t`Bewijs toevoegen`}</span>
      </h3>
      <p>{t`Neem een foto van je bewijs, of kies een foto of PDF. Maximaal ${maxMb} MB.`}</p>
      {/* The native inputs stay (keyboard, screen readers, the phone's camera and file pickers) but are
          drawn as the portal's own buttons: the browser would word them in its own language. */}
      <div className="file-pickers">
        <span className="file-picker">
          <input
            ref={photoInput}
            id={photoId}
            className="visually-hidden file-input"
            type="file"
            accept="image/*,application/pdf"
            capture
            aria-describedby={fileError ? errorId : undefined}
            onChange={(event) => choose(event.target.files?.[0] ?? null)}
          />
          <label htmlFor={photoId} className="button button-secondary">
            <Icon name="camera" />
            <span>{t`Neem een foto`}</span>
          </label>
        </span>
        <span className="file-picker">
          <input
            ref={fileInput}
            id={fileId}
            className="visually-hidden file-input"
            type="file"
            accept="image/*,application/pdf"
            aria-describedby={fileError ? errorId : undefined}
            onChange={(event) => choose(event.target.files?.[0] ?? null)}
          />
          <label htmlFor={fileId} className="button button-secondary">
            <Icon name="document" />
            <span>{t`Kies een foto of PDF`}</span>
          </label>
        </span>
      </div>
      {fileError ? (
        <p id={errorId} className="field-error" role="alert">
          {fileError}
        </p>
      ) : null}
      <p aria-live="polite">
        {file ? (
          <>
            {t`Gekozen:`} <bdi className="break">{file.name}</bdi> <span className="muted">({formatSize(locale, file.size)})</span>
          </>
        ) : (
          <span className="muted">{t`Nog geen bestand gekozen.`}</span>
        )}
      </p>
      {progress !== null ? (
        <div className="progress">
          <progress max={100} value={Math.round(progress * 100)} aria-label={t`Bezig met versturen`} />
          <span aria-hidden="true">{Math.round(progress * 100)}%</span>
        </div>
      ) : null}
      {error ? <ErrorAlert>{errorText(error)}</ErrorAlert> : null}
      {done ? <StatusMessage>{t`Bestand ontvangen:`} <bdi className="break">{done}</bdi></StatusMessage> : null}
      <button type="button" className="button button-primary" disabled={!file || progress !== null} onClick={() => void upload()}>
        <Icon name="upload" />
        <span>{progress !== null ? t`Bezig met versturen` : t`Bestand versturen`}</span>
      </button>
    </section>
  );
}

function ActivityChoice({ locale, value, onChange }: { locale: Locale; value: string | null; onChange: (id: string) => void }) {
  const { t } = useLingui();
  const errorText = useErrorText();
  const activities = useResource((signal) => portalApi.participationActivities(signal));
  const name = useId();

  if (activities.state === 'error') return <ErrorAlert onRetry={activities.reload}>{errorText(activities.error)}</ErrorAlert>;
  if (!activities.data) return <Loading />;
  if (activities.data.items.length === 0) return <p>{t`Er zijn nu geen activiteiten. Vraag je begeleider.`}</p>;

  return (
    <fieldset className="choices">
      <legend>{t`Welke activiteit kies je?`}</legend>
      {activities.data.items.map((activity) => (
        <label key={activity.id} className={value === activity.id ? 'choice choice-selected' : 'choice'}>
          <input type="radio" name={name} value={activity.id} checked={value === activity.id} onChange={() => onChange(activity.id)} />
          <span>
            <span className="block strong">{activity.name}</span>
            <span className="block">{activity.organisation}</span>
            {activity.place ? <span className="block muted">{t`Waar: ${activity.place}`}</span> : null}
            <span className="block muted">{t`Uren: ${activity.hours}`}</span>
            {activity.language ? <span className="block muted">{t`Taal: ${languageName(locale, activity.language)}`}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
