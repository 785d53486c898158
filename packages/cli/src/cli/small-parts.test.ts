import { browserCommand } from './open-url.js';
import { commandNames, findCommand, loadCommands } from '../commands/registry.js';
import { hostTokenVariable, terraformCloudAddress } from '../tfc/token.js';
import { wantsColor } from './colors.js';
import { databaseUser, shellLine } from '../pg/proxy.js';

describe('findCommand', () => {
  it('finds two-word commands before one-word ones and counts the words', () => {
    expect(findCommand(['env', 'add', 'x'])).toMatchObject({ name: 'env add', words: 2 });
    expect(findCommand(['generate', '--check'])).toMatchObject({ name: 'generate', words: 1 });
  });

  it('loads the command it names, whose name matches the registry', async () => {
    const found = findCommand(['env', 'add']);
    expect(found.name !== undefined && (await found.load()).name).toBe('env add');
    expect((await loadCommands()).map((command) => command.name)).toEqual(commandNames);
  });

  it("suggests a close command, and lists a group's subcommands", () => {
    expect(findCommand(['genrate'])).toEqual({
      error: 'unknown command "genrate"; did you mean "generate"?',
    });
    expect(findCommand(['zzzzzz'])).toEqual({ error: 'unknown command "zzzzzz"' });
    expect(findCommand(['tfc', 'snyc'])).toEqual({
      error: 'unknown command "msp tfc snyc"; did you mean one of: tfc view, tfc sync?',
    });
  });
});

describe('Terraform Cloud token and address', () => {
  it('names the per-host variable as Terraform does', () => {
    expect(hostTokenVariable('app.terraform.io')).toBe('TF_TOKEN_app_terraform_io');
    expect(hostTokenVariable('tfe.my-company.com')).toBe('TF_TOKEN_tfe_my__company_com');
  });

  it('uses TFE_ADDRESS when set', () => {
    expect(terraformCloudAddress({}, 'app.terraform.io')).toBe('https://app.terraform.io');
    expect(terraformCloudAddress({ TFE_ADDRESS: 'http://127.0.0.1:1' }, 'app.terraform.io')).toBe(
      'http://127.0.0.1:1',
    );
  });
});

describe('colours', () => {
  it.each([
    [{}, true, undefined, true],
    [{}, false, undefined, false],
    [{ NO_COLOR: '1' }, true, undefined, false],
    [{ NO_COLOR: '' }, true, undefined, true],
    [{ NO_COLOR: '1' }, false, true, false],
    [{}, false, true, true],
    [{}, true, false, false],
  ])('env %j, tty %s, flag %s → %s', (env, tty, flag, expected) => {
    expect(wantsColor(env, tty, flag)).toBe(expected);
  });
});

describe('small helpers', () => {
  it('picks the browser opener per platform, $BROWSER first', () => {
    expect(browserCommand({ BROWSER: 'firefox' }, 'linux').command).toBe('firefox');
    expect(browserCommand({}, 'darwin').command).toBe('open');
    expect(browserCommand({}, 'linux').command).toBe('xdg-open');
  });

  it('derives the IAM database user and quotes shell words', () => {
    expect(databaseUser('sa@p.iam.gserviceaccount.com')).toBe('sa@p.iam');
    expect(shellLine('psql', ['-c', "select 'x'"])).toBe(`psql -c 'select '\\''x'\\'''`);
  });
});
