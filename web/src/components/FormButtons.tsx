import { Button, Group } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';

/** A form's submit button and, when `onCancel` is given, its "Annuleren" button. */
export function FormButtons({ submitLabel, submitting, onCancel }: { submitLabel: ReactNode; submitting: boolean; onCancel?: (() => void) | undefined }) {
  const { t } = useLingui();
  return (
    <Group>
      <Button type="submit" loading={submitting}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t`Annuleren`}
        </Button>
      )}
    </Group>
  );
}
