import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** A Datastream source profile for a PostgreSQL server reached over a private connection. */
export function datastreamPostgreSQLProfile(
  id: string,
  config: {
    name: string;
    location: string;
    hostname: string;
    database: string;
    username: string;
    password: string;
    privateConnection: string;
  },
): { fragment: Fragment } {
  return {
    fragment: resource('google_datastream_connection_profile', id, {
      connection_profile_id: config.name,
      display_name: config.name,
      location: config.location,
      postgresql_profile: [
        {
          hostname: config.hostname,
          port: 5432,
          database: config.database,
          username: config.username,
          password: config.password,
        },
      ],
      private_connectivity: [{ private_connection: config.privateConnection }],
    }),
  };
}
