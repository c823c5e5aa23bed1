import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A bordered section of a page with its level-2 heading, which names the section (`id` is the
 * heading's id). `actions` stand on the heading's line, at the right.
 */
export function SectionCard({ id, title, actions, children }: { id: string; title: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const heading = (
    <Title order={2} size="h3" mb={actions === undefined ? 'md' : undefined} id={id}>
      {title}
    </Title>
  );
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      {actions === undefined ? (
        heading
      ) : (
        <Group justify="space-between" mb="md">
          {heading}
          {actions}
        </Group>
      )}
      {children}
    </Paper>
  );
}
