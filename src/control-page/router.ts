import { useEffect, useState } from 'preact/hooks'

/** Where the page is: the part after `#/`, split (`#/sessions/3` → `['sessions', '3']`). */
export type Route = readonly string[]

/**
 * The route in the location's hash: a hash keeps the page one document that any static path
 * (`/__emulator`) serves, and works the same inside a frame of the browser example.
 *
 * @example
 * parseRoute('#/sessions/3?x') // ['sessions', '3']
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? ''
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent)
  return parts.length === 0 ? ['sessions'] : parts
}

/** The current route; re-renders on `hashchange`. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash))
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash))
    addEventListener('hashchange', update)
    return () => removeEventListener('hashchange', update)
  }, [])
  return route
}
