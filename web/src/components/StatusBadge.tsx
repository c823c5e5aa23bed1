import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/** A status as a coloured badge that always says it in words too. */
export function StatusBadge({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge
      color={color}
      variant="light"
      radius="sm"
      tt="none"
      size="md"
      // Dark text on the tinted background: the light variant's coloured text is below 4.5:1 for some colours.
      style={{ whiteSpace: 'normal', height: 'auto', color: 'var(--mantine-color-dark-8)', border: `1px solid var(--mantine-color-${color}-6)` }}
    >
      {children}
    </Badge>
  );
}
