// The cyrilgdn/postgresql provider has no prebuilt CDKTF bindings: a provider and
// resources declared by type name, with attributes set as overrides.
import { TerraformProvider, TerraformResource, type ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';

export class PostgresqlProvider extends TerraformProvider {
  private readonly settings: Record<string, unknown>;

  constructor(scope: Construct, id: string, alias: string, settings: Record<string, unknown>) {
    super(scope, id, {
      terraformResourceType: 'postgresql',
      terraformProviderSource: 'cyrilgdn/postgresql',
      terraformGeneratorMetadata: {
        providerName: 'postgresql',
        providerVersionConstraint: '~> 1.25',
      },
    });
    this.alias = alias;
    this.settings = settings;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { ...this.settings };
  }
}

export function postgresqlResource(
  scope: Construct,
  type: string,
  id: string,
  provider: PostgresqlProvider,
  dependsOn: ITerraformDependable[],
  attributes: Record<string, unknown>,
): TerraformResource {
  const resource = new TerraformResource(scope, id, {
    terraformResourceType: type,
    terraformGeneratorMetadata: { providerName: 'postgresql' },
    provider,
    dependsOn,
  });
  for (const [name, value] of Object.entries(attributes)) resource.addOverride(name, value);
  return resource;
}
