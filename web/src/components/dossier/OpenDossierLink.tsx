import { useLingui } from '@lingui/react/macro';
import { AnchorLink } from '../Link';

/** "Dossier openen", for a list row; `label` is the accessible name that says whose dossier. */
export function OpenDossierLink({ dossierId, label }: { dossierId: string; label: string }) {
  const { t } = useLingui();
  return (
    <AnchorLink to="/dossiers/$dossierId" params={{ dossierId }} aria-label={label}>
      {t`Dossier openen`}
    </AnchorLink>
  );
}
