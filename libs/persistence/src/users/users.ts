import { UserEntity } from '../entities';
import { managerOf, type TenantTx } from '../tenant/tenant-tx';

/** The caller's organisation's users, by e-mail address. */
export function usersByEmail(tx: TenantTx): Promise<UserEntity[]> {
  return managerOf(tx).find(UserEntity, { order: { email: 'ASC' } });
}

/**
 * Whether the caller's organisation has a user of that address (row-level security: whether
 * the address has an account elsewhere is none of its business).
 */
export function userWithEmailExists(tx: TenantTx, email: string): Promise<boolean> {
  return managerOf(tx).existsBy(UserEntity, { email });
}

/** Stores a new user of the tenant the transaction acts as. */
export function insertUser(
  tx: TenantTx,
  user: Pick<
    UserEntity,
    'tenantId' | 'email' | 'name' | 'role' | 'passwordHash' | 'preferredLanguage'
  >,
): Promise<UserEntity> {
  const m = managerOf(tx);
  return m.save(m.create(UserEntity, user));
}
