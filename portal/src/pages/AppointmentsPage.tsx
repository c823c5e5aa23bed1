import { useLingui } from '@lingui/react/macro';
import { useRef, useState, type FormEvent } from 'react';
import { portalApi, type Appointment } from '../api';
import { ErrorAlert, Loading, StatusMessage, useErrorText } from '../components/Alert';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import { Page } from '../components/Page';
import { formatDateInBrussels, formatDateTime, formatRange } from '../format';
import type { Locale } from '../i18n';
import { APPOINTMENT_KINDS } from '../labels';
import { useResource } from '../useResource';

const MAX_TEXT = 500;

/** "My appointments": when (Brussels time), where, a map link, the calendar file, and asking for another moment. */
export function AppointmentsPage({ locale }: { locale: Locale }) {
  const { t } = useLingui();
  const errorText = useErrorText();
  const appointments = useResource((signal) => portalApi.appointments(signal));
  const items = [...(appointments.data?.items ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  return (
    <Page
      title={t`Mijn afspraken`}
      icon="calendar"
      intro={<p>{t`Alle uren zijn in Belgische tijd.`}</p>}
    >
      {appointments.state === 'error' ? <ErrorAlert onRetry={appointments.reload}>{errorText(appointments.error)}</ErrorAlert> : null}
      {appointments.data ? (
        items.length === 0 ? (
          <div className="card">
            <p>{t`Je hebt geen afspraken.`}</p>
          </div>
        ) : (
          <>
            <p>
              <a className="button button-secondary" href={portalApi.appointmentsIcsUrl} download>
                <Icon name="download" />
                <span>{t`Zet je afspraken in de agenda van je telefoon`}</span>
              </a>
            </p>
            <ul className="card-list">
              {items.map((appointment) => (
                <AppointmentCard key={appointment.id} appointment={appointment} locale={locale} onChanged={appointments.reload} />
              ))}
            </ul>
          </>
        )
      ) : appointments.state === 'loading' ? (
        <Loading />
      ) : null}
    </Page>
  );
}

function AppointmentCard({ appointment, locale, onChanged }: { appointment: Appointment; locale: Locale; onChanged: () => void }) {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const kind = APPOINTMENT_KINDS[appointment.kind];
  const headingId = `appointment-${appointment.id}`;
  const formId = `change-${appointment.id}`;
  const past = new Date(appointment.endsAt ?? appointment.startsAt).getTime() < Date.now();

  return (
    <li className="card">
      {kind ? (
        <p className="tag">
          <Icon name={kind.icon} size={20} />
          <span>{t(kind.label)}</span>
        </p>
      ) : null}
      <h2 id={headingId} className="card-title">
        {appointment.title}
      </h2>
      <dl className="facts">
        <div>
          <dt>
            <Icon name="clock" size={20} />
            <span>{t`Wanneer`}</span>
          </dt>
          <dd>{appointment.allDay ? formatDateInBrussels(locale, appointment.startsAt) : formatRange(locale, appointment.startsAt, appointment.endsAt)}</dd>
        </div>
        <div>
          <dt>
            <Icon name="map" size={20} />
            <span>{t`Waar`}</span>
          </dt>
          <dd>
            {appointment.place ? (
              <>
                <span className="block">{appointment.place.name}</span>
                {/* A place without a name of its own comes with its address as the name: said once. */}
                {appointment.place.address && appointment.place.address !== appointment.place.name ? (
                  <span className="block">{appointment.place.address}</span>
                ) : null}
              </>
            ) : (
              t`De plaats is nog niet bekend.`
            )}
            {appointment.mapUrl ? (
              <a className="block" href={appointment.mapUrl} target="_blank" rel="noopener noreferrer">
                {t`Toon op de kaart`}
                <span className="visually-hidden"> {t`(opent in een nieuw venster)`}</span>
              </a>
            ) : null}
          </dd>
        </div>
      </dl>

      {appointment.changeRequest?.status === 'pending' ? (
        <p className="chip chip-busy">
          <Icon name="clock" size={20} />
          <span>{t`Je vroeg een andere datum op ${formatDateTime(locale, appointment.changeRequest.requestedAt)}. We antwoorden zo snel mogelijk.`}</span>
        </p>
      ) : appointment.changeRequest?.status === 'handled' ? (
        <p className="chip chip-done">
          <Icon name="check" size={20} />
          <span>{t`Je vraag om een andere datum is behandeld.`}</span>
        </p>
      ) : null}

      {sent ? <StatusMessage>{t`Je vraag is verstuurd. We nemen contact met je op.`}</StatusMessage> : null}

      {!past && appointment.changeRequest?.status !== 'pending' && !sent ? (
        <>
          <button
            ref={toggle}
            type="button"
            className="button button-secondary"
            aria-expanded={open}
            aria-controls={open ? formId : undefined}
            onClick={() => setOpen(!open)}
          >
            <Icon name="calendar" />
            <span>{t`Andere datum vragen`}</span>
          </button>
          {open ? (
            <ChangeRequestForm
              id={formId}
              appointment={appointment}
              onCancel={() => {
                setOpen(false);
                toggle.current?.focus();
              }}
              onSent={() => {
                setOpen(false);
                setSent(true);
                onChanged();
              }}
            />
          ) : null}
        </>
      ) : null}
    </li>
  );
}

function ChangeRequestForm({ id, appointment, onCancel, onSent }: { id: string; appointment: Appointment; onCancel: () => void; onSent: () => void }) {
  const { t } = useLingui();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [moments, setMoments] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const reasonInput = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!reason.trim()) {
      setReasonError(t`Schrijf waarom je niet kan komen.`);
      reasonInput.current?.focus();
      return;
    }
    setReasonError(null);
    setBusy(true);
    try {
      await portalApi.requestAppointmentChange(appointment.id, { reason: reason.trim(), preferredMoments: moments.trim() });
      onSent();
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };

  return (
    <form id={id} className="subform" onSubmit={submit} noValidate aria-label={t`Andere datum vragen voor: ${appointment.title}`}>
      <Field label={t`Waarom kan je niet komen?`} error={reasonError}>
        <textarea ref={reasonInput} rows={3} maxLength={MAX_TEXT} value={reason} onChange={(event) => setReason(event.target.value)} required />
      </Field>
      <Field label={t`Wanneer kan je wel? (niet verplicht)`} hint={t`Bijvoorbeeld: maandag in de voormiddag, of na 14 uur.`}>
        <textarea rows={2} maxLength={MAX_TEXT} value={moments} onChange={(event) => setMoments(event.target.value)} />
      </Field>
      {error ? <ErrorAlert>{errorText(error)}</ErrorAlert> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t`Even geduld…` : t`Vraag versturen`}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t`Annuleren`}
        </button>
      </div>
    </form>
  );
}
