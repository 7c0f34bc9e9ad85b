/**
 * An error's message in a person's words. A part of the app fetched only when first used (the
 * briefing's, the slides' or the PNG's code) that could not be fetched — the connection dropped,
 * or the site was updated since the page was opened and the old part is gone — says so, rather
 * than the browser's "Failed to fetch dynamically imported module: https://…/assets/briefing-…js"
 * (Chromium; Firefox and Safari word it otherwise, as does Vite when a part's styles fail).
 */
export function failureReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/dynamically imported module|importing a module script failed|unable to preload css/i.test(message))
    return 'part of the app could not be loaded. Check the connection and try again; if the site was updated since this page was opened, reload the page';
  if (/^(failed to fetch|networkerror when attempting to fetch resource\.?|load failed)$/i.test(message))
    return 'the connection failed. Check it and try again';
  return message;
}
