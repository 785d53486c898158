/**
 * The limits every YAML file msp reads is held to (service.yaml,
 * msp.config.yaml). They keep hostile or broken input from exhausting the
 * stack, the CPU or memory: each is checked before the expensive step it
 * protects, and each breach is an issue with a code and a position, never an
 * exception. docs/reference/limits.md lists them; a test keeps the two in sync.
 */
export const INPUT_LIMITS = {
  /** Characters in one file (checked before parsing). */
  maxFileChars: 1024 * 1024,
  /** Nesting of mappings and lists, counting each level (checked before parsing, then exactly). */
  maxDepth: 64,
  /** Aliases (`*name`) in one file (checked before parsing). */
  maxAliases: 1_000,
  /** Values one document expands to, counting each alias's expansion in full. */
  maxNodes: 50_000,
  /** Keys in one mapping. */
  maxKeys: 10_000,
  /** Characters in one key or string value. */
  maxStringChars: 64 * 1024,
  /** Issues reported for one file; the rest are summarised in one more issue. */
  maxIssues: 500,
} as const;

export type InputLimits = typeof INPUT_LIMITS;
