import { useLingui } from '@lingui/react/macro';
import { Page } from '../components/Page';
import { Link, pathOf } from '../router';

export function NotFoundPage() {
  const { t } = useLingui();
  return (
    <Page title={t`Deze pagina bestaat niet`} icon="alert">
      <p>
        <Link to={pathOf('trajectory')}>{t`Naar mijn traject`}</Link>
      </p>
    </Page>
  );
}
