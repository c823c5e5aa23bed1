declare module '*.po' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}

/** A PO file as text (Vite `?raw`), e.g. the server's refusal messages. */
declare module '*.po?raw' {
  const text: string;
  export default text;
}
