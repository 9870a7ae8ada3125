import type { SafeHtml } from './html.js'
import { html, jsonForScript } from './html.js'
import type { LinkPageBoot } from './page/boot.js'
import type { PageStrings } from './strings.js'

/** Display options from the frame URL (link-protocol section 3). */
export interface PageLook {
  theme: 'light' | 'dark' | null
  mode: 'inline' | 'modal' | 'standalone'
}

/**
 * The document around every Link page: stylesheet and script as same-origin files (the CSP
 * forbids inline ones), the boot data as an inert JSON block the script reads.
 */
export function documentShell(input: {
  strings: PageStrings
  look: PageLook
  boot: LinkPageBoot
  banner: SafeHtml | null
  body: SafeHtml
}): string {
  const { strings, look } = input
  return `<!doctype html>\n${
    html`<html
      lang="${strings.htmlLang}"
      data-theme="${look.theme ?? 'auto'}"
      data-mode="${look.mode}"
    >
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>${strings.title}</title>
        <link rel="stylesheet" href="/assets/link.css" />
        <script type="module" src="/assets/link/main.js"></script>
      </head>
      <body>
        <div class="app" id="app">
          ${input.banner}
          <header class="topbar">
            <span class="brand" aria-hidden="true">${strings.brand}</span>
            ${
              // In a modal the host's overlay already has the close button; a second × would
              // be one more stop in the focus order that does the same thing.
              look.mode !== 'inline'
                ? null
                : html`<button
                    type="button"
                    class="icon-button"
                    data-action="close"
                    aria-label="${strings.close}"
                  >
                    <span aria-hidden="true">×</span>
                  </button>`
            }
          </header>
          <main id="main" class="main">${input.body}</main>
        </div>
        <script type="application/json" id="link-boot">
          ${jsonForScript(input.boot)}
        </script>
      </body>
    </html>`.value
  }`
}
