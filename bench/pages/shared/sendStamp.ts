// Where start latency goes inside the page: stamps the moment the upload's XMLHttpRequest is
// handed its body (`send()`), so that the harness can split "change → send()" (the page's own
// JavaScript: ours or the bare baseline) from "send() → first bytes at the server" (the browser).
// The wrapper costs one extra call per send, the same for every mode.

const epoch = () => performance.timeOrigin + performance.now();

/** Installs the stamp; `sendAt()` is the first send of a form carrying at least `minBytes`. */
export function stampUploadSend(minBytes: number): { sendAt: () => number | null } {
  let sendAt: number | null = null;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function stampedSend(
    this: XMLHttpRequest,
    body?: Document | XMLHttpRequestBodyInit | null,
  ) {
    if (sendAt === null && body instanceof FormData) {
      const file = body.get("file");
      if (file instanceof Blob && file.size >= minBytes) {
        sendAt = epoch();
      }
    }
    return send.call(this, body);
  };
  return { sendAt: () => sendAt };
}
