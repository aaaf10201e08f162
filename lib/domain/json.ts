/**
 * What a value becomes on the wire: `JSON.stringify` writes a Date as its ISO string. The REST
 * API's clients (the browser's queries, `agp` over HTTP) read the domain's shapes through this,
 * so a shape is declared once, in lib/domain, and each layer sees it as it arrives there.
 */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends readonly (infer U)[]
      ? readonly Json<U>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;
