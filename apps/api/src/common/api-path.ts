/** Every REST route lives under this prefix; health and (later) web pages do not. */
export const API = 'api/v1';
