import { portalApi, type Me } from './api';
import { activateLocale, currentLocale, isLocale, rememberChoice, takeLocaleToSave } from './i18n';

/**
 * The language once signed in. A language picked on the sign-in page (before the account was known)
 * is saved on the account; otherwise the account's language is used, so the portal speaks the
 * language the person chose earlier, also on another phone.
 */
export async function adoptSessionLocale(me: Me): Promise<void> {
  const picked = takeLocaleToSave();
  if (picked) {
    if (picked !== me.locale) {
      // Not saved (offline, refused): the portal still shows the picked language on this phone.
      await portalApi.setLocale(picked).catch(() => undefined);
    }
    if (picked !== currentLocale()) await activateLocale(picked);
    return;
  }
  if (isLocale(me.locale) && me.locale !== currentLocale()) {
    await activateLocale(me.locale);
    rememberChoice(me.locale, false);
  }
}
