// The control page's bundle, written by `scripts/build-control-page.ts` (`npm run build`) next
// to this file as `control-page-assets.generated.js`; only these declarations are committed.

/** The page's script: one ES module (Preact, htm and the app). */
export declare const script: string
/** The page's style sheet. */
export declare const style: string
