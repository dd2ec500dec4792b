/**
 * The control page's entry point (bundled into `/__emulator/app.js` by
 * `scripts/build-control-page.ts`): mounts into `[data-livy-emulator-control]` and talks to the
 * control API in the directory the script was loaded from.
 */
import { html } from 'htm/preact'
import { render } from 'preact'
import { createControlClient } from './api.ts'
import { App } from './app.ts'
import { createLiveStore } from './live-store.ts'

const root = document.querySelector<HTMLElement>('[data-livy-emulator-control]')
if (root) {
  // `…/__emulator/app.js` → `…/__emulator/`: the API sits next to the script, whatever base path is in front.
  const script = import.meta.url
  const api = createControlClient(new URL('./', script))
  const store = createLiveStore(api)
  // The first picture is the emulator's state, which the shell preloads: drawing the app's own
  // "Loading…" before it would put a render and a paint on the way to it (the shell's text
  // says the page is loading meanwhile). A state slower than a second is not waited for.
  void Promise.race([store.start(), new Promise((resolve) => setTimeout(resolve, 1000))]).then(
    () => {
      root.textContent = ''
      render(html`<${App} api=${api} store=${store} />`, root)
    },
  )
}
