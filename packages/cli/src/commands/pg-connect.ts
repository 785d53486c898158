import { defineCommand } from '../cli/command.js';
import { MspError } from '@msp/spec/errors';
import { integerOption } from '../cli/parse.js';
import { findEnvironment, prepareSpec, specPath } from '../spec/prepare-spec.js';
import { envOption, specPositional } from './shared-options.js';

export const pgConnectCommand = defineCommand({
  name: 'pg connect',
  summary: "Connect to an environment's PostgreSQL through the Cloud SQL Auth Proxy",
  description: [
    'Starts cloud-sql-proxy on 127.0.0.1 with IAM database authentication, impersonating the',
    'operator access account (read-only) or, with --write-access, the workload account, and prints',
    'a psql command per database. The instance and accounts are looked up with gcloud unless given.',
    'The proxy is stopped after --session-timeout seconds (default 300) and on Ctrl-C or SIGTERM.',
  ].join('\n'),
  positionals: [specPositional],
  options: {
    env: envOption,
    'write-access': {
      type: 'boolean',
      description:
        'Impersonate the workload account (read and write) instead of the operator account.',
    },
    port: {
      type: 'string',
      valueName: 'n',
      description: 'Local port for the proxy.',
      default: '5433',
    },
    instance: {
      type: 'string',
      valueName: 'connection-name',
      description:
        'Cloud SQL connection name project:region:instance; default: looked up with gcloud.',
    },
    'service-account': {
      type: 'string',
      valueName: 'email',
      description: 'Account to impersonate; default: looked up with gcloud.',
    },
    'private-ip': {
      type: 'boolean',
      description:
        "Connect to the instance's private IP (from inside its network); always on when the spec says publicIP: false.",
    },
    'session-timeout': {
      type: 'string',
      valueName: 'seconds',
      description: 'Stop the proxy after this many seconds; 0: no limit.',
      default: '300',
    },
    print: {
      type: 'boolean',
      description: 'Print the proxy command and psql lines without starting the proxy.',
    },
  },
  examples: [
    { description: 'Read-only access to the dev database', command: 'msp pg connect --env dev' },
    {
      description: 'Write access on another port',
      command: 'msp pg connect --env prod --write-access --port 5434',
    },
    {
      description: 'A session of an hour',
      command: 'msp pg connect --env prod --session-timeout 3600',
    },
  ],
  async run({ io, options, args, colors }) {
    const port = integerOption('port', options.port, { min: 1, max: 65535 }) ?? 5433;
    const sessionSeconds =
      integerOption('session-timeout', options['session-timeout'], { min: 0, max: 86400 }) ?? 300;
    const { resolved } = await prepareSpec(io, colors, specPath(io, args[0]));
    const environment = findEnvironment(resolved, options.env);
    const postgres = environment.resources.postgreSQL;
    if (postgres === undefined) {
      throw new MspError(
        'no-postgresql',
        `environment ${environment.id} has no PostgreSQL instance`,
        {
          hint: 'Add resources.postgreSQL to the environment in service.yaml.',
        },
      );
    }
    const { findExecutable } = await import('../cli/programs.js');
    const { proxyArguments, proxyInstallHint, psqlCommands, shellLine } =
      await import('../pg/proxy.js');
    const proxy = await findExecutable(io.env, 'cloud-sql-proxy');
    if (proxy === undefined && options.print !== true) {
      throw new MspError('proxy-not-found', 'cloud-sql-proxy is not installed', {
        hint: proxyInstallHint,
      });
    }
    const { accountPrefix, discoverInstance, discoverServiceAccount } =
      await import('../pg/discover.js');
    const access = options['write-access'] === true ? 'write' : 'read';
    const connectionName = options.instance ?? (await discoverInstance(io, environment.projectID));
    const serviceAccount =
      options['service-account'] ??
      (await discoverServiceAccount(
        io,
        environment.projectID,
        accountPrefix(resolved, environment, access),
      ));
    const proxyArgs = proxyArguments({
      connectionName,
      port,
      serviceAccount,
      // An instance without a public IP is only reachable at its private one.
      privateIP: options['private-ip'] === true || !postgres.publicIP,
    });
    const lines = psqlCommands(serviceAccount, postgres.databases, port);
    io.stdout.write(
      `${colors.bold('proxy')}: ${shellLine(proxy ?? 'cloud-sql-proxy', proxyArgs)}\n`,
    );
    io.stdout.write(
      `${colors.bold(access === 'write' ? 'read-write' : 'read-only')} access as ${serviceAccount}; connect with:\n`,
    );
    for (const line of lines) io.stdout.write(`  ${line}\n`);
    if (options.print === true || proxy === undefined) return 0;
    const { assertPortFree } = await import('../pg/port.js');
    await assertPortFree(port);
    const { superviseProgram } = await import('../cli/supervise.js');
    const { sessionLimitLine, sessionEndMessage } = await import('../pg/session.js');
    io.stdout.write(`${sessionLimitLine(sessionSeconds)}\n`);
    const end = await superviseProgram(io, proxy, proxyArgs, { timeoutMs: sessionSeconds * 1000 });
    if (end.reason === 'exited' && end.code !== 0) {
      throw new MspError('proxy-failed', `cloud-sql-proxy exited with code ${end.code}`, {
        hint: 'If it says permission denied, ask for the Cloud SQL and service-account impersonation grants described in the service\'s operations page ("msp ops").',
      });
    }
    const message = sessionEndMessage(end, sessionSeconds);
    if (message !== undefined) io.stderr.write(`${colors.yellow(message)}\n`);
    if (end.reason === 'signal') return end.signal === 'SIGINT' ? 130 : 143;
    return 0;
  },
});
