#!/usr/bin/env node
// The `yardstick` command: runs the TypeScript CLI through tsx (a dependency), so no build step is needed.
require("tsx/cjs");
require("./main.ts");
