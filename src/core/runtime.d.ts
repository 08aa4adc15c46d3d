// The one platform API the core needs that ECMAScript lacks: both Node and browsers provide it.
// Declared here only for tsconfig.core.json, which has no DOM lib and no Node types.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
