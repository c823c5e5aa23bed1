import { useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import type { Locale } from '../i18n';
import { usePathname } from '../router';
import { Icon } from './Icon';

/**
 * Voice language tags that can read each portal language. Dari (prs) is written Persian: a Persian
 * voice (fa) reads it understandably when there is no Dari voice.
 */
const VOICE_LANGS: Record<Locale, readonly string[]> = {
  nl: ['nl'],
  en: ['en'],
  fr: ['fr'],
  ar: ['ar'],
  prs: ['prs', 'fa-af', 'fa'],
  ps: ['ps'],
  ti: ['ti'],
  uk: ['uk'],
  ru: ['ru'],
  so: ['so'],
  tr: ['tr'],
  es: ['es'],
};

function synthesis(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}


/** The best voice for a language: the most specific tag first, a local (offline) voice before a network one. */
export function findVoice(voices: readonly SpeechSynthesisVoice[], locale: Locale): SpeechSynthesisVoice | null {
  for (const wanted of VOICE_LANGS[locale]) {
    const matching = voices.filter((voice) => {
      const tag = voice.lang.toLowerCase().replace('_', '-');
      return tag === wanted || tag.startsWith(`${wanted}-`);
    });
    if (matching.length > 0) return matching.find((voice) => voice.localService) ?? matching[0] ?? null;
  }
  return null;
}

function useVoice(locale: Locale): SpeechSynthesisVoice | null {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  useEffect(() => {
    const speech = synthesis();
    if (!speech) return undefined;
    // Browsers load their voices late; `voiceschanged` says when the list is (re)filled.
    const update = () => setVoice(findVoice(speech.getVoices(), locale));
    update();
    speech.addEventListener('voiceschanged', update);
    return () => speech.removeEventListener('voiceschanged', update);
  }, [locale]);
  return voice;
}

const SKIP = 'button, select, textarea, input, script, style, [aria-hidden="true"], [data-no-read]';
const BLOCK = 'h1, h2, h3, h4, p, li, dt, dd, th, td, label, legend, caption, summary, section, article, main, div';

/**
 * The text of the page's main content, as a list of short pieces (one per heading, paragraph or list
 * item): controls and hidden parts are left out, and short pieces keep long pages from being cut off
 * (some browsers stop one utterance after about 15 seconds).
 */
export function mainTextPieces(main: HTMLElement): string[] {
  const pieces: string[] = [];
  let currentBlock: Element | null = null;
  let current = '';
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIP) || parent.getClientRects().length === 0) continue;
    const text = (node.nodeValue ?? '').replace(/\s+/g, ' ');
    if (!text.trim()) continue;
    const block = parent.closest(BLOCK);
    if (block !== currentBlock) {
      if (current.trim()) pieces.push(current.trim());
      current = '';
      currentBlock = block;
    }
    current += text;
  }
  if (current.trim()) pieces.push(current.trim());
  return pieces;
}

/**
 * "Read aloud": reads the main text in the chosen language with the browser's own speech. Shown only
 * when the browser has a voice for that language (many phones lack Tigrinya or Pashto voices).
 */
export function ReadAloud({ locale }: { locale: Locale }) {
  const { t } = useLingui();
  const voice = useVoice(locale);
  const [speaking, setSpeaking] = useState(false);

  const path = usePathname();

  // Stop reading when the page or the language changes, or the component goes away (sign-out).
  useEffect(() => {
    return () => {
      synthesis()?.cancel();
      setSpeaking(false);
    };
  }, [locale, path]);

  if (!voice) return null;

  const stop = () => {
    synthesis()?.cancel();
    setSpeaking(false);
  };

  const start = () => {
    const speech = synthesis();
    const main = document.getElementById('main');
    if (!speech || !main) return;
    speech.cancel();
    const pieces = mainTextPieces(main);
    if (pieces.length === 0) return;
    pieces.forEach((piece, index) => {
      const utterance = new SpeechSynthesisUtterance(piece);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      if (index === pieces.length - 1) {
        utterance.onend = () => setSpeaking(false);
        utterance.onerror = () => setSpeaking(false);
      }
      speech.speak(utterance);
    });
    setSpeaking(true);
  };

  return (
    <button type="button" className="button button-ghost" onClick={speaking ? stop : start}>
      <Icon name={speaking ? 'stop' : 'speaker'} />
      <span>{speaking ? t`Stop met voorlezen` : t`Voorlezen`}</span>
    </button>
  );
}
