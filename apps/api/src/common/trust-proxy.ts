/**
 * Injection token of Express's `trust proxy` value from TRUST_PROXY (`trustedProxies`): set by
 * setupApp, so that main.ts and the e2e tests apply the same configuration.
 */
export const TRUST_PROXY = Symbol('TRUST_PROXY');
