/** What a page posts to the service worker after it loads (app/offline/register-script.ts). */
export interface PageMessage {
  type: "page";
  /** The page's address. */
  url: string;
  /** `<html lang>`: the offline page is shown in the language last read. */
  lang: string;
  /** The worker did not serve this page (first visit): fetch it and its files into the pages cache. */
  keep: boolean;
  /** Images, captions and stylesheets the page uses. */
  files: string[];
}

export type WorkerMessage = PageMessage;
