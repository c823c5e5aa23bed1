import { Stack, Text, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { AnchorLink } from '../components/Link';
import { useDocumentTitle } from '../components/useDocumentTitle';

export function NotFoundPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Pagina niet gevonden`);
  return (
    <Stack component="main" id="main" tabIndex={-1} p="xl">
      <Title order={1}>{t`Pagina niet gevonden`}</Title>
      <Text>{t`Deze pagina bestaat niet (meer).`}</Text>
      <AnchorLink to="/persons">{t`Naar personen zoeken`}</AnchorLink>
    </Stack>
  );
}
