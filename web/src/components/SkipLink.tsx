import { useLingui } from '@lingui/react/macro';

/** "Skip to main content": the first focusable element of every page. */
export function SkipLink() {
  const { t } = useLingui();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        const main = document.getElementById('main');
        if (main) {
          event.preventDefault();
          main.focus();
          main.scrollIntoView();
        }
      }}
    >
      {t`Naar de hoofdinhoud`}
    </a>
  );
}
