/** An image repository split into registry host and repository name. */
export interface ImageReference {
  /** Registry host (and port), e.g. `us-docker.pkg.dev` or `registry-1.docker.io`. */
  readonly host: string;
  /** Repository path, e.g. `project/repo/image` (`library/x` for official Docker Hub images). */
  readonly repository: string;
}

const DOCKER_HUB = 'registry-1.docker.io';

/**
 * Parses an image repository without a tag (`build.image`). A first segment
 * without `.` or `:` (and not `localhost`) means Docker Hub.
 *
 * @throws Error when the image has a tag or digest, or is empty.
 */
export function parseImageReference(image: string): ImageReference {
  const slash = image.indexOf('/');
  const first = slash === -1 ? '' : image.slice(0, slash);
  const isHost = first.includes('.') || first.includes(':') || first === 'localhost';
  const host = isHost ? first : DOCKER_HUB;
  let repository = isHost ? image.slice(slash + 1) : image;
  if (repository === '' || /[@]/.test(repository) || /:[^/]*$/.test(repository)) {
    throw new Error(
      `image "${image}" must be a repository without tag or digest, e.g. "us.gcr.io/project/name"`,
    );
  }
  if (host === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  return { host, repository };
}
