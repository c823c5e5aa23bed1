import { useLingui } from '@lingui/react/macro';
import { useEffect, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/**
 * A page's heading and the document title. The heading takes focus after a navigation (App), so a
 * screen reader says where the person arrived.
 */
export function Page({ title, icon, intro, children }: { title: string; icon: IconName; intro?: ReactNode; children: ReactNode }) {
  const { t } = useLingui();
  const portalName = t`Mijn inburgering`;
  useEffect(() => {
    document.title = `${title} – ${portalName}`;
  }, [title, portalName]);
  return (
    <>
      <h1 id="page-title" tabIndex={-1} className="page-title">
        <Icon name={icon} size={28} />
        <span>{title}</span>
      </h1>
      {intro ? <div className="page-intro">{intro}</div> : null}
      {children}
    </>
  );
}

/** A section of a page with its heading (a named region, so landmarks and headings both give the outline). */
export function Section({ title, icon, children, id }: { title: string; icon?: IconName; children: ReactNode; id: string }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {icon ? <Icon name={icon} /> : null}
        <span>{title}</span>
      </h2>
      {children}
    </section>
  );
}
