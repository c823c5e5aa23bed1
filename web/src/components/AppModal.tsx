import { Modal, type ModalProps } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';

/** Mantine's Modal with a translated accessible name on its close button. */
export function AppModal(props: ModalProps) {
  const { t } = useLingui();
  return <Modal {...props} closeButtonProps={{ 'aria-label': t`Sluiten`, ...props.closeButtonProps }} />;
}
