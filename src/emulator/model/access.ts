import type { LivyConfig } from './config.ts'
import { ModelError } from './errors.ts'

/**
 * Who is calling: the authenticated user (null without authentication) and the `doAs` target.
 */
export interface Caller {
  readonly user: string | null
  readonly doAs: string | null
}

/** An anonymous caller (Livy without authentication). */
export const ANONYMOUS: Caller = Object.freeze({ user: null, doAs: null })

/**
 * Livy's `AccessManager`: view/modify checks, superusers and impersonation. A null user
 * passes every check, so ACLs only bite when authentication is configured.
 */
export interface AccessManager {
  /** May `caller` use Livy at all (`allowed-users`)? */
  isUserAllowed(user: string | null): boolean
  /** The user ACL checks run as: the `doAs` target if impersonation allows it. */
  effectiveUser(caller: Caller): string | null
  hasViewAccess(owner: string | null, caller: Caller, proxyUser: string | null): boolean
  hasModifyAccess(owner: string | null, caller: Caller, proxyUser: string | null): boolean
  /**
   * The proxy user a new session gets: `doAs`, else the body's `proxyUser`; throws an
   * `AccessControlException` when the caller may not impersonate it.
   */
  checkImpersonation(target: string | null, requester: string | null): string | null
}

export function createAccessManager(config: LivyConfig): AccessManager {
  const listed = (list: readonly string[], user: string): boolean =>
    list.includes('*') || list.includes(user)
  const isSuperuser = (user: string | null): boolean =>
    user === null || listed(config.superusers, user)

  const checkImpersonation = (target: string | null, requester: string | null): string | null => {
    if (!config.impersonation) return null
    if (target === null) return requester
    if (target === requester || isSuperuser(requester)) return target
    throw new ModelError(
      'access-control',
      `User '${requester}' not allowed to impersonate 'Some(${target})'.`,
    )
  }

  const effectiveUser = (caller: Caller): string | null =>
    caller.doAs !== null && config.impersonation
      ? (checkImpersonation(caller.doAs, caller.user) ?? caller.user)
      : caller.user

  const check = (
    users: readonly string[],
    owner: string | null,
    caller: Caller,
    proxyUser: string | null,
  ): boolean => {
    if (!config.accessControl) return true
    const user = effectiveUser(caller)
    if (user === null) return true
    return (
      user === owner || user === proxyUser || listed(users, user) || listed(config.superusers, user)
    )
  }

  return {
    isUserAllowed(user) {
      if (!config.accessControl || user === null) return true
      return [config.allowedUsers, config.viewUsers, config.modifyUsers, config.superusers].some(
        (l) => listed(l, user),
      )
    },
    effectiveUser,
    hasViewAccess: (owner, caller, proxyUser) =>
      check([...config.viewUsers, ...config.modifyUsers], owner, caller, proxyUser),
    hasModifyAccess: (owner, caller, proxyUser) =>
      check(config.modifyUsers, owner, caller, proxyUser),
    checkImpersonation,
  }
}
