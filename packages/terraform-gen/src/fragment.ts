import { expr, type Expression } from './expression.js';
import type {
  DataSourceBody,
  DataSourceType,
  EphemeralResourceBody,
  EphemeralResourceType,
  Fragment,
  ResourceBody,
  ResourceType,
} from './terraform.js';

/** A fragment holding one resource. */
export function resource<T extends ResourceType>(
  type: T,
  name: string,
  body: ResourceBody<T>,
): Fragment {
  return { resource: { [type]: { [name]: body } } };
}

/** A fragment holding one data source. */
export function dataSource<T extends DataSourceType>(
  type: T,
  name: string,
  body: DataSourceBody<T>,
): Fragment {
  return { data: { [type]: { [name]: body } } };
}

/** A fragment holding one ephemeral resource. */
export function ephemeralResource<T extends EphemeralResourceType>(
  type: T,
  name: string,
  body: EphemeralResourceBody<T>,
): Fragment {
  return { ephemeral: { [type]: { [name]: body } } };
}

/** `${ephemeral.<type>.<name>.<attribute>}` */
export function ephemeralRef(
  type: EphemeralResourceType,
  name: string,
  attribute: string,
): Expression {
  return expr(`ephemeral.${type}.${name}.${attribute}`);
}

/** `${<type>.<name>.<attribute>}` */
export function resourceRef(type: ResourceType, name: string, attribute: string): Expression {
  return expr(`${type}.${name}.${attribute}`);
}

/** `${data.<type>.<name>.<attribute>}` */
export function dataRef(type: DataSourceType, name: string, attribute: string): Expression {
  return expr(`data.${type}.${name}.${attribute}`);
}

/** `<type>.<name>`, for `depends_on`. */
export function address(type: ResourceType, name: string): string {
  return `${type}.${name}`;
}

/** `{ depends_on }` when there are addresses to wait for, else nothing (spread into a resource body). */
export function dependsOn(addresses: readonly string[]): { depends_on?: readonly string[] } {
  return addresses.length === 0 ? {} : { depends_on: [...addresses] };
}
