import { many, one, request, type ApiOptions, type Resource } from './json-api.js';

/** The workspace settings msp manages, as Terraform Cloud attribute names. */
export type WorkspaceAttributes = Readonly<Record<string, unknown>>;

const enc = encodeURIComponent;

/**
 * The few Terraform Cloud API v2 endpoints `msp tfc sync` uses.
 * https://developer.hashicorp.com/terraform/cloud-docs/api-docs
 */
export function terraformCloudClient(api: ApiOptions) {
  return {
    async findProject(organization: string, name: string): Promise<Resource | undefined> {
      const body = await request(
        api,
        'GET',
        `/organizations/${enc(organization)}/projects?filter%5Bnames%5D=${enc(name)}`,
      );
      return many(body).find((p) => p.attributes['name'] === name);
    },

    async createProject(organization: string, name: string): Promise<Resource> {
      return one(
        await request(api, 'POST', `/organizations/${enc(organization)}/projects`, {
          body: { data: { type: 'projects', attributes: { name } } },
        }),
      );
    },

    async deleteProject(projectID: string): Promise<void> {
      await request(api, 'DELETE', `/projects/${enc(projectID)}`);
    },

    async listTeamAccess(projectID: string): Promise<Resource[]> {
      return many(
        await request(api, 'GET', `/team-projects?filter%5Bproject%5D%5Bid%5D=${enc(projectID)}`),
      );
    },

    async grantTeamAccess(projectID: string, teamID: string, access: string): Promise<void> {
      await request(api, 'POST', '/team-projects', {
        body: {
          data: {
            type: 'team-projects',
            attributes: { access },
            relationships: {
              project: { data: { type: 'projects', id: projectID } },
              team: { data: { type: 'teams', id: teamID } },
            },
          },
        },
      });
    },

    async updateTeamAccess(teamProjectID: string, access: string): Promise<void> {
      await request(api, 'PATCH', `/team-projects/${enc(teamProjectID)}`, {
        body: { data: { type: 'team-projects', id: teamProjectID, attributes: { access } } },
      });
    },

    async readWorkspace(organization: string, name: string): Promise<Resource | undefined> {
      const body = await request(
        api,
        'GET',
        `/organizations/${enc(organization)}/workspaces/${enc(name)}`,
        { allowNotFound: true },
      );
      return body === undefined ? undefined : one(body);
    },

    async createWorkspace(
      organization: string,
      attributes: WorkspaceAttributes,
      projectID: string,
    ): Promise<Resource> {
      return one(
        await request(api, 'POST', `/organizations/${enc(organization)}/workspaces`, {
          body: {
            data: { type: 'workspaces', attributes, relationships: projectRelationship(projectID) },
          },
        }),
      );
    },

    async updateWorkspace(
      organization: string,
      name: string,
      attributes: WorkspaceAttributes,
      projectID: string,
    ): Promise<Resource> {
      return one(
        await request(api, 'PATCH', `/organizations/${enc(organization)}/workspaces/${enc(name)}`, {
          body: {
            data: { type: 'workspaces', attributes, relationships: projectRelationship(projectID) },
          },
        }),
      );
    },

    /** Adds tags; existing tags are kept (Terraform Cloud's add-tags endpoint). */
    async addTags(workspaceID: string, tags: readonly string[]): Promise<void> {
      await request(api, 'POST', `/workspaces/${enc(workspaceID)}/relationships/tags`, {
        body: { data: tags.map((name) => ({ type: 'tags', attributes: { name } })) },
      });
    },

    async deleteWorkspace(organization: string, name: string): Promise<void> {
      await request(api, 'DELETE', `/organizations/${enc(organization)}/workspaces/${enc(name)}`);
    },
  };
}

export type TerraformCloudClient = ReturnType<typeof terraformCloudClient>;

function projectRelationship(projectID: string) {
  return { project: { data: { type: 'projects', id: projectID } } };
}
