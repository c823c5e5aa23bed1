import { useLingui } from '@lingui/react/macro';
import { portalApi } from '../api';
import { ErrorAlert, Loading, useErrorText } from '../components/Alert';
import { Icon } from '../components/Icon';
import { Page } from '../components/Page';
import { formatDate } from '../format';
import type { Locale } from '../i18n';
import { DOCUMENT_KINDS } from '../labels';
import { useResource } from '../useResource';

/** "My documents": contract, personal plan, certificates and letters, each a link to its PDF. */
export function DocumentsPage({ locale }: { locale: Locale }) {
  const { t } = useLingui();
  const errorText = useErrorText();
  const documents = useResource((signal) => portalApi.documents(signal));
  const items = [...(documents.data?.items ?? [])].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));

  return (
    <Page title={t`Mijn documenten`} icon="document" intro={<p>{t`De documenten zijn in het Nederlands, met een korte uitleg in jouw taal.`}</p>}>
      {documents.state === 'error' ? <ErrorAlert onRetry={documents.reload}>{errorText(documents.error)}</ErrorAlert> : null}
      {documents.data ? (
        items.length === 0 ? (
          <div className="card">
            <p>{t`Je hebt nog geen documenten.`}</p>
          </div>
        ) : (
          <ul className="card-list">
            {items.map((doc) => {
              const kind = DOCUMENT_KINDS[doc.kind];
              return (
                <li key={doc.id} className="card document">
                  <Icon name="document" size={32} />
                  <div>
                    <a className="document-link" href={portalApi.documentUrl(doc.id)}>
                      {doc.title}
                      <span className="visually-hidden"> (PDF)</span>
                    </a>
                    <p className="muted">
                      {kind ? `${t(kind)} · ` : ''}
                      {t`Gemaakt op ${formatDate(locale, doc.issuedOn, false)}`}
                    </p>
                    <p className="tag" aria-hidden="true">
                      PDF
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
        )
      ) : documents.state === 'loading' ? (
        <Loading />
      ) : null}
    </Page>
  );
}
