import { Alert, Anchor, NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useRef, type ReactNode } from 'react';
import { regionLabel } from '../../labels';
import { PLACEMENT_STATUS_COLOR, placementStatusLabel, REGION_CODES } from '../../nt2Labels';
import { AnchorLink } from '../Link';
import { StatusBadge } from '../StatusBadge';

/** The problem of an NT2 write: a rule refusal (R-15, ENT-20, WF-06) with its rule, else the API's problem. */
export { WriteProblem as Nt2Problem } from '../WriteProblem';

/** A confirmation after a write, announced politely to screen readers. */
export function SuccessNote({ children, onClose }: { children: ReactNode; onClose?: () => void }) {
  const { t } = useLingui();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  return (
    <Alert
      ref={ref}
      color="green"
      variant="light"
      role="status"
      title={t`Gelukt`}
      // Dark title text: the light variant's green title is below 4.5:1 on its tinted background.
      styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
      mb="md"
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      closeButtonLabel={t`Melding sluiten`}
    >
      {children}
    </Alert>
  );
}

/** The link from a list of conversations to one, named by its appointment (`when`, already formatted). */
export function OpenConversationLink({ conversationId, when }: { conversationId: string; when: string }) {
  const { t } = useLingui();
  return (
    <AnchorLink to="/nt2/conversations/$conversationId" params={{ conversationId }} aria-label={t`Gesprek van ${when} openen`}>
      {t`Gesprek openen`}
    </AnchorLink>
  );
}

export function PlacementStatusBadge({ status }: { status: string }) {
  const { i18n } = useLingui();
  // The wrapper keeps a narrow table column from cutting the status word short.
  return (
    <span style={{ display: 'inline-flex', minInlineSize: 'max-content' }}>
      <StatusBadge color={PLACEMENT_STATUS_COLOR[status] ?? 'gray'}>{placementStatusLabel(i18n, status)}</StatusBadge>
    </span>
  );
}

/** A choice of operating region, with an empty first option. */
export function Nt2RegionSelect({ emptyLabel, ...props }: Omit<NativeSelectProps, 'data'> & { emptyLabel: string }) {
  const { i18n } = useLingui();
  return <NativeSelect {...props} data={[{ value: '', label: emptyLabel }, ...REGION_CODES.map((r) => ({ value: r, label: regionLabel(i18n, r) }))]} />;
}

/** A link that downloads an iCalendar file (.ics). */
export function CalendarLink({ href, children, label }: { href: string; children: ReactNode; label?: string }) {
  return (
    <Anchor href={href} download aria-label={label}>
      {children}
    </Anchor>
  );
}
