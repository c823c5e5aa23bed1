import { useEffect } from 'react';

/** Sets the document title, e.g. "Persoon zoeken · Kruispunt". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Kruispunt` : 'Kruispunt';
  }, [title]);
}
