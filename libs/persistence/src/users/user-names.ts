import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/** How a signed-in person is named on the pages: the user and its organisation. */
export interface UserNames {
  name: string;
  email: string;
  organisationName: string;
}

/** The names of a user of the caller's tenant; null when it is not readable there. */
export async function userNames(m: TenantTx, userId: string): Promise<UserNames | null> {
  const [row] = await managerOf(m).query<
    { name: string; email: string; organisation_name: string }[]
  >(
    `SELECT u.name, u.email, o.name AS organisation_name
       FROM users u JOIN organisations o ON o.id = u.tenant_id WHERE u.id = $1`,
    [userId],
  );
  return row ? { name: row.name, email: row.email, organisationName: row.organisation_name } : null;
}
