import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  Actor,
  asTenantId,
  DomainError,
  DomainErrorCode,
  OrganisationKind,
  Role,
  ROLES,
} from '@app/domain';
import {
  activeUserRole,
  apiKeyByPrefix,
  loginAccounts,
  TenantDb,
  touchApiKey,
} from '@app/persistence';
import * as argon2 from 'argon2';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { API_KEY_PREFIX, hashApiKeySecret } from '@app/application';

interface AccessTokenClaims {
  sub: string;
  tid: string;
  role: Role;
  kind: OrganisationKind;
  /**
   * Epoch milliseconds of the sign-in: a token from before the user's sessions were ended (a
   * password reset) is refused. `iat` counts whole seconds, too coarse to tell a token signed
   * just before the reset from one just after it.
   */
  sat: number;
}

const unauthenticated = () =>
  new DomainError(DomainErrorCode.Unauthenticated, {
    de: 'Die E-Mail-Adresse oder das Passwort ist falsch.',
    en: 'The e-mail address or the password is wrong.',
  });

function kindOfRole(role: Role): OrganisationKind {
  if (role === 'platform_admin') {
    return 'platform';
  }
  return role.startsWith('publisher_') ? 'publisher' : 'company';
}

/** Sign-in with a password, access tokens, and API keys of machine clients. */
@Injectable()
export class AuthService {
  /** Verified against when an e-mail is unknown, so that a miss costs as long as a hit. */
  private readonly dummyHash = argon2.hash(randomBytes(16));

  constructor(
    private readonly db: TenantDb,
    private readonly jwt: JwtService,
  ) {}

  /** Checks e-mail and password and issues a short-lived access token. */
  async login(
    email: string,
    password: string,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const rows = await this.db.withoutTenant((m) => loginAccounts(m, email));
    // An address may have an account in several organisations: the password picks the account
    // (the oldest active one if it opens more than one), and a miss costs as long as a hit.
    const verified = await Promise.all(
      (rows.length > 0 ? rows.map((row) => row.password_hash) : [await this.dummyHash]).map(
        (hash) => argon2.verify(hash, password).catch(() => false),
      ),
    );
    const user = rows.find((row, i) => verified[i] && !row.disabled_at);
    if (!user) {
      throw unauthenticated();
    }
    const claims: AccessTokenClaims = {
      sub: user.id,
      tid: user.tenant_id,
      role: user.role,
      kind: kindOfRole(user.role),
      sat: Date.now(),
    };
    const accessToken = await this.jwt.signAsync(claims);
    const decoded = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, expiresIn: decoded.exp - decoded.iat };
  }

  /** The actor behind a bearer credential: an access token or an API key. */
  async authenticate(credential: string): Promise<Actor> {
    if (credential.startsWith(API_KEY_PREFIX)) {
      return this.authenticateApiKey(credential);
    }
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(credential);
    } catch {
      throw new DomainError(DomainErrorCode.Unauthenticated, {
        de: 'Das Zugangstoken ist ungültig oder abgelaufen.',
        en: 'The access token is invalid or expired.',
      });
    }
    if (!ROLES.includes(claims.role) || typeof claims.sat !== 'number') {
      throw new DomainError(DomainErrorCode.Unauthenticated, {
        de: 'Das Zugangstoken ist ungültig.',
        en: 'The access token is invalid.',
      });
    }
    // A token outlives a change to its user: a disabled user is out at the next request, and
    // a changed role applies at once (roles stay within the organisation's kind).
    const tenantId = asTenantId(claims.tid);
    const role = await activeUserRole(this.db, tenantId, claims.sub, new Date(claims.sat));
    if (role === null) {
      throw new DomainError(DomainErrorCode.Unauthenticated, {
        de: 'Der Benutzer dieses Zugangstokens ist gesperrt, existiert nicht mehr oder hat sein Passwort seitdem zurückgesetzt.',
        en: 'The user of this access token is disabled, no longer exists, or has reset the password since.',
      });
    }
    return {
      userId: claims.sub,
      apiKeyId: null,
      apiKeyScopes: [],
      tenantId,
      organisationKind: claims.kind,
      role,
    };
  }

  private async authenticateApiKey(credential: string): Promise<Actor> {
    const invalid = new DomainError(DomainErrorCode.Unauthenticated, {
      de: 'Der API-Schlüssel ist ungültig oder widerrufen.',
      en: 'The API key is invalid or revoked.',
    });
    const parsed = parseApiKey(credential);
    if (!parsed) {
      throw invalid;
    }
    const key = await this.db.withoutTenant((m) => apiKeyByPrefix(m, parsed.prefix));
    if (!key || key.revoked_at || !sameHash(key.secret_hash, hashApiKeySecret(parsed.secret))) {
      throw invalid;
    }
    const tenantId = asTenantId(key.tenant_id);
    await this.db.withTenant(tenantId, (m) => touchApiKey(m, key.id));
    return {
      userId: null,
      apiKeyId: key.id,
      apiKeyScopes: key.scopes,
      tenantId,
      organisationKind: kindOfRole(key.role),
      role: key.role,
    };
  }
}

/** API keys read `bck_<prefix>_<secret>`: the prefix finds the key, the secret proves it. */
export function parseApiKey(credential: string): { prefix: string; secret: string } | null {
  const match = /^bck_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/.exec(credential);
  return match ? { prefix: match[1], secret: match[2] } : null;
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
