# Sourced by serve.sh and test.sh: install the pinned npm packages (decap-cms, pagefind, axe-core) when the lock changed.
# (npm's own node_modules/.package-lock.json never equals package-lock.json, so keep a stamp of our own.)
npm_stamp="node_modules/.kb-installed-$(sha256sum package-lock.json | cut -c1-16)"
if [ ! -f "$npm_stamp" ] || [ ! -f node_modules/decap-cms/dist/decap-cms.js ] || [ ! -x node_modules/.bin/pagefind ]; then
  npm ci --silent --no-audit --no-fund
  touch "$npm_stamp"
fi
