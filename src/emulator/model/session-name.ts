import { ModelError } from './errors.ts'

/** Scala's `name.forall(_.isDigit)` (so the empty name counts as all digits). */
export const isAllDigits = (name: string): boolean => /^\p{Nd}*$/u.test(name)

/**
 * Livy's name checks for a new session or batch, in its order: a name of digits only is
 * refused (it would read as an id), then a name another live one already holds. Livy has
 * consumed the id by then, so the messages name it.
 *
 * @example
 * checkSessionName('7', 3, () => false) // throws "Invalid session name: 7"
 * checkSessionName('etl', 3, (n) => n === 'etl') // throws "Duplicate session name: Some(etl) for session 3"
 */
export function checkSessionName(
  name: string | null,
  id: number,
  taken: (name: string) => boolean,
  onInvalid: () => void = () => undefined,
): void {
  if (name === null) return
  if (isAllDigits(name)) {
    onInvalid()
    throw new ModelError('illegal-argument', `Invalid session name: ${name}`)
  }
  if (taken(name)) {
    throw new ModelError(
      'illegal-argument',
      `Duplicate session name: Some(${name}) for session ${id}`,
    )
  }
}
