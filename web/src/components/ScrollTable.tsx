import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface ScrollTableProps extends TableProps {
  /** Accessible name of the scroll region (the table's subject). */
  label: string;
  minWidth: number;
  children: ReactNode;
}

/**
 * A table that scrolls sideways on narrow screens. The scroll region is a labelled, focusable
 * region so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollTable({ label, minWidth, children, ...tableProps }: ScrollTableProps) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      <Table captionSide="top" {...tableProps}>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}

/** The table's header row: one column header per label. */
export function ColumnHeads({ labels }: { labels: string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {labels.map((label) => (
          <Table.Th key={label} scope="col">
            {label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
