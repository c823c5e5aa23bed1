import { Alert, Button, Stack, Text } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';

/** Someone else changed the record meanwhile: what happened, and a button to load the newest version. */
export function VersionConflictAlert({ title, children, onReload, mb }: { title: string; children: ReactNode; onReload: () => void; mb?: string }) {
  const { t } = useLingui();
  return (
    <Alert color="orange" variant="light" role="alert" title={title} mb={mb}>
      <Stack gap="xs">
        <Text size="sm">{children}</Text>
        <Button w="fit-content" variant="default" onClick={onReload}>
          {t`Nieuwste versie laden`}
        </Button>
      </Stack>
    </Alert>
  );
}
