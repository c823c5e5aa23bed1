import { useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { portalApi, type AccessLogEntry } from '../api';
import { ErrorAlert, Loading, useErrorText } from '../components/Alert';
import { Page } from '../components/Page';
import { formatDateTime } from '../format';
import type { Locale } from '../i18n';
import { ACCESS_ACTIONS, ACCESS_SUBJECTS, PURPOSES, ROLES, known } from '../labels';
import { useResource } from '../useResource';

/** "Who looked at my data": the access log of the person and their dossier, newest first, a page at a time. */
export function AccessLogPage({ locale }: { locale: Locale }) {
  const { t } = useLingui();
  const errorText = useErrorText();
  const first = useResource((signal) => portalApi.accessLog(null, signal));
  const [more, setMore] = useState<AccessLogEntry[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const next = cursor === undefined ? (first.data?.next ?? null) : cursor;
  const items = [...(first.data?.items ?? []), ...more];
  const word = (table: Parameters<typeof known>[0], code: string) => {
    const label = known(table, code);
    return label ? t(label) : code;
  };

  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await portalApi.accessLog(next);
      setMore((current) => [...current, ...page.items]);
      setCursor(page.next ?? null);
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page
      title={t`Wie bekeek mijn gegevens?`}
      icon="eye"
      intro={<p>{t`Je hebt het recht om te weten wie jouw gegevens bekijkt of verandert, en waarom: daarom zie je dat hier.`}</p>}
    >
      {first.state === 'error' ? <ErrorAlert onRetry={first.reload}>{errorText(first.error)}</ErrorAlert> : null}
      {first.data ? (
        items.length === 0 ? (
          <div className="card">
            <p>{t`Nog niemand heeft je gegevens bekeken.`}</p>
          </div>
        ) : (
          <ul className="card-list">
            {items.map((entry, index) => (
              <li key={entry.id ?? `${entry.at}-${index}`} className="card">
                <p className="strong">{formatDateTime(locale, entry.at)}</p>
                <dl className="facts">
                  <div>
                    <dt>{t`Wie`}</dt>
                    <dd>
                      {entry.organisation}
                      {entry.role ? ` · ${word(ROLES, entry.role)}` : ''}
                    </dd>
                  </div>
                  <div>
                    <dt>{t`Wat`}</dt>
                    <dd>
                      {word(ACCESS_ACTIONS, entry.action)}
                      {entry.what ? `: ${word(ACCESS_SUBJECTS, entry.what)}` : ''}
                    </dd>
                  </div>
                  <div>
                    <dt>{t`Waarom`}</dt>
                    <dd>{word(PURPOSES, entry.purpose)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )
      ) : first.state === 'loading' ? (
        <Loading />
      ) : null}
      {moreError ? <ErrorAlert>{errorText(moreError)}</ErrorAlert> : null}
      {next ? (
        <button type="button" className="button button-secondary" disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? t`Even geduld…` : t`Meer tonen`}
        </button>
      ) : null}
    </Page>
  );
}
