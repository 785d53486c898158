/** Files beside service.yaml that resolveSpec needs; loadSpec reads them. */
export interface SpecAssets {
  /** README.md without its "# <name>" header line. */
  readonly readme?: string;
  /** BigQuery table ID → its JSON schema, re-indented with two spaces. */
  readonly bigQueryTableSchemas?: ReadonlyMap<string, string>;
}
