#!/usr/bin/env node
// Published entry point: runs the built CLI. In this repository use `pnpm emulator` instead.
import "../dist/cli.js";
