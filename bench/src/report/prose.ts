// The hand-written parts of docs/benchmarks.md, kept next to the generator.

const method = `## Method

- **One run, side by side.** \`pnpm bench\` builds every bench page with Vite (production mode) into a
  temporary folder, serves it from 127.0.0.1, starts the emulator in the same Node process on
  127.0.0.1, and drives Debian's Chromium headless through playwright-core (the repository's
  \`chromiumLaunchOptions()\`, plus flags that turn off background timer throttling).
- **Ratios, not absolute times.** Every comparison runs its variants in the same session,
  alternating them round by round (the order is reversed every round: AB, BA, …). Each table gives
  the median, min–max and interquartile range over the rounds, the ratio of the medians (the
  figure the targets are judged on), and the median and min–max of the per-round ratios (round *i*
  of A against round *i* of B, which ran seconds apart under the same machine load). Absolute
  numbers on these shared machines are noise; the ratios are the result.
- **Baselines in the same page.** Throughput and start latency compare our code with a bare,
  hand-written \`XMLHttpRequest\` + \`FormData\` upload (\`upload_token\` then \`file\`, an upload
  progress listener) to the same redeem URL, in the same page. Test files are made in the page
  (Blobs built from one random MiB), so no disk or Node-to-browser transfer is measured.
- **Peers installed from npm**, as devDependencies of bench/ only: Uppy (@uppy/core, @uppy/react,
  @uppy/dashboard, @uppy/xhr-upload), react-uploady (@rpldy/*) and react-filepond + filepond, at the
  versions in bench/package.json.
- **Pending.** A scenario written against a piece of ours that is not exported yet is reported as
  *pending*, with the missing export named; it runs as soon as the export lands.`;

const caveats = `## Caveats

- **Shared machine.** The numbers come from a virtual machine whose cores other jobs were using at
  the same time. Trust the ratios and the per-round ratio ranges; expect absolute times to differ by
  tens of percent between runs.
- **Loopback.** Uploads go to the emulator on 127.0.0.1: there is no network latency or bandwidth
  limit, so transfer overheads that a real network would hide are fully visible, and the emulator
  (Node, busboy, writing each upload to a folder in memory, /dev/shm, where the machine has one,
  so that the disk writing out one sample's file does not slow the next) is part of every
  measurement.
- **Headless Chromium** has no GPU and no real display; "frames" are Chromium's headless
  animation frames.
- **Start latency** is a few round trips on loopback (the CORS preflight, then the upload; without
  prefetch the token request and its preflight first). On a loaded 2-core machine every hop
  between Chromium's renderer, its network service and the server waits for a core, so the
  absolute milliseconds mostly measure the machine's load: compare ours with the bare XHR of the
  same run. The notes split each sample at the page's call of the upload XHR's \`send()\`: before
  it is the page's JavaScript (ours, or the bare baseline's few lines), after it the browser's
  work and the round trips. The emulator's request log stamps arrivals with millisecond ISO dates only, so a
  recording proxy of the bench (bench/src/probeProxy.ts) stamps them instead.
- **Chunked uploads** pay for the protocol: one request per chunk (a multipart body built, sent and
  parsed, and a round trip before that worker sends its next chunk), and the final chunk, which
  makes TwentyThree store the file, goes only once every other chunk is in. The emulator writes
  each chunk in place and hashes the file as the chunks complete (no assembly pass). The
  hand-written chunked reference row shows that cost without our code.
- **Peer queues.** Uppy's Dashboard virtualizes its list (and renders with Preact); for Uppy
  headless and react-uploady, which ship no list, the bench renders every row in React as their
  docs show (an app could add virtualization itself). FilePond animates every item and starts
  uploads only once its view is at rest, so it misses the caps with large queues.
- **Weight** compares what each library needs for the widget, not equal feature sets. Ours
  ships, up front: the token request and a parser for every shape TwentyThree or a token endpoint
  answers with, the redeem and callback parsers, the CORS probe that picks XHR or the iframe
  fallback, retries that first look up an upload whose answer was lost (nothing stored twice),
  stall and offline handling, duplicate detection, title and description sync, byte progress and
  accessible status text with live regions, and the once-per-page warm-up of the upload path
  (start latency). react-uploady's Uploady + UploadButton is its core sender and a button: retries,
  previews and progress UI are separate packages, and it knows nothing of upload tokens or
  TwentyThree's answers. \`pnpm --filter @twentythree-upload/bench weight:explain\` lists what each
  of our modules adds.
- **Peers are configured as their documentation shows** for the equivalent widget, with their
  defaults otherwise; a peer may do more work per file than ours (thumbnails, animations), which is
  part of what an app pays for when it picks that widget.`;

const reproduce = `## Reproduce

\`\`\`sh
pnpm install
node scripts/ensure-chromium.mjs   # Debian's chromium, once
pnpm bench                         # everything, about 10 minutes on 2 cores; rewrites this page
pnpm bench throughput              # one suite (throughput, latency, queue, weight); others keep their results
pnpm bench --quick                 # smoke run with small files and 2 rounds; writes bench/results/raw/ only
pnpm bench --report-only           # rewrite this page from bench/results/latest.json
pnpm --filter @twentythree-upload/bench check:size   # the size budget (bench/size-budget.json)
pnpm --filter @twentythree-upload/bench weight:explain   # what each module adds to the up-front JS (min+gzip)
\`\`\`

Raw results of every run go to \`bench/results/raw/\` (not committed); the latest full run is in
[bench/results/latest.json](../bench/results/latest.json). How the harness is laid out, and how a
page talks to it: [bench/README.md](../bench/README.md).`;

/** Method, caveats and reproduction steps. */
export const prose = { method, caveats, reproduce };
