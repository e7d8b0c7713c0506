#!/bin/sh
# `npm start`: the build (`npm run build`) in production, the TypeScript sources through tsx
# otherwise, so the demo needs no build step. `exec` replaces this shell with node, so the
# signal npm forwards (SIGTERM, Ctrl-C) reaches the server itself, which drains and exits.
if [ "$NODE_ENV" = production ]; then
  if [ ! -f dist/node.js ]; then
    echo 'Nestwork did not start. There is no build: run `npm run build` first.' >&2
    exit 1
  fi
  exec node dist/node.js
fi
exec node --import tsx src/node.ts
