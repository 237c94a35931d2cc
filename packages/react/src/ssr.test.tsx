import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  CallbackHandler,
  createMockTokenSource,
  createMockTransport,
  createUploader,
  UploadForm,
  UploadProgressBar,
  UploadProvider,
  UploadQueue,
  danishLabels,
  englishLabels,
  type UploadToken,
} from "./index.js";

// Server rendering runs in Node, which has no `window` or `document`: any access while importing
// or rendering would throw a ReferenceError here.
const serverToken: UploadToken = {
  uploadToken: "022fe6e3fb42758d6147c539727c5358af3524b1",
  title: "",
  description: "",
  publish: true,
  tags: "",
  userId: null,
  albumId: null,
  maxUploads: 1,
  validMinutes: 180,
  validUntil: new Date(Date.now() + 3 * 3600_000),
  returnUrl: "https://www.example.com/upload/callback",
  backgroundReturn: false,
  extra: {},
};

describe("server rendering (react-dom/server, Node)", () => {
  it("runs in an environment without window or document", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
  });

  it("renders UploadForm as the seed's real form, hidden token and file input included", () => {
    const html = renderToString(
      <UploadForm
        site="videos.example.com"
        token="/api/upload-token"
        initialToken={serverToken}
        titleField
        descriptionField
      />,
    );
    expect(html).toContain('action="https://videos.example.com/api/photo/redeem-upload-token"');
    expect(html).toContain('method="post"');
    // React writes the attribute as `encType`; HTML attribute names are case-insensitive.
    expect(html).toMatch(/ enctype="multipart\/form-data"/i);
    expect(html).toContain(
      '<input type="hidden" name="upload_token" value="022fe6e3fb42758d6147c539727c5358af3524b1"/>',
    );
    expect(html).toMatch(/<input[^>]*type="file"[^>]*name="file"/);
    expect(html).toMatch(/<button type="submit"[^>]*>Upload video<\/button>/);
    expect(html).toContain('data-state="idle"');
    // The token comes before the file, as TwentyThree's form has it.
    expect(html.indexOf('name="upload_token"')).toBeLessThan(html.indexOf('name="file"'));
    expect(html).not.toContain("style=");
  });

  it("renders UploadForm for v2 through a provider, without a token until one arrives", () => {
    const html = renderToString(
      <UploadProvider
        site="http://127.0.0.1:8023"
        apiVersion="v2"
        token="/token"
        labels={danishLabels}
      >
        <UploadForm />
      </UploadProvider>,
    );
    expect(html).toContain('action="http://127.0.0.1:8023/api/2/photo/redeem-upload-token"');
    expect(html).not.toContain('name="upload_token"');
    expect(html).toContain("Upload video");
    expect(html).toContain("Videofil");
  });

  it("renders the default UploadQueue with no rows (they are positioned on the client)", () => {
    const html = renderToString(<UploadQueue site="videos.example.com" token="/token" />);
    expect(html).toContain('data-twentythree-upload="queue"');
    expect(html).toContain('role="button"');
    expect(html).toContain(englishLabels.dropZone);
    expect(html).toContain(englishLabels.emptyQueue);
    expect(html).toMatch(/<div data-part="list" hidden="">/);
    expect(html).not.toContain('data-part="item"');
    expect(html).not.toContain("style=");
  });

  it("renders every UploadQueue part for an item", () => {
    const uploader = createUploader({
      site: "videos.example.com",
      token: createMockTokenSource(),
      transport: createMockTransport(),
      autoStart: false,
      maxSize: 10,
    });
    const [id = "", rejected = ""] = uploader.add([
      new File(["12345"], "clip.mp4", { type: "video/mp4" }),
      new File(["far too large"], "large.mp4", { type: "video/mp4" }),
    ]);
    const html = renderToString(
      <UploadQueue.Root uploader={uploader}>
        <UploadQueue.DropZone />
        <UploadQueue.Trigger />
        <UploadQueue.Summary />
        <UploadQueue.TotalProgress />
        <ul>
          {[id, rejected].map((itemId) => (
            <UploadQueue.Item key={itemId} id={itemId}>
              <UploadQueue.ItemName />
              <UploadQueue.ItemSize />
              <UploadQueue.Progress />
              <UploadQueue.ItemSpeed />
              <UploadQueue.ItemStatus />
              <UploadQueue.Cancel />
              <UploadQueue.Retry />
              <UploadQueue.Remove />
            </UploadQueue.Item>
          ))}
        </ul>
        <UploadQueue.List>{(itemId) => <UploadQueue.Item id={itemId} />}</UploadQueue.List>
        <UploadQueue.Announcer />
      </UploadQueue.Root>,
    );
    expect(html).toContain('<li data-part="item" data-state="queued"');
    expect(html).toContain('<li data-part="item" data-state="rejected"');
    expect(html).toContain(">clip.mp4<");
    expect(html).toContain(">5 byte<");
    expect(html).toMatch(/<progress data-part="progress"[^>]*aria-label="Upload of clip.mp4"/);
    expect(html).toContain('aria-label="Cancel clip.mp4"');
    expect(html).toContain('aria-label="Remove large.mp4"');
    expect(html).toContain("Not added: ");
    expect(html).toContain('role="status"');
    expect(html).not.toContain("style=");
    uploader.destroy();
  });

  it("renders CallbackHandler: pending without a URL, the result with one", () => {
    const pending = renderToString(<CallbackHandler site="videos.example.com" />);
    expect(pending).toContain('data-state="pending"');
    expect(pending).toContain(englishLabels.callbackWorking);
    const search =
      "?domain=videos.example.com&upload_token=t&error_message=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E";
    const done = renderToString(<CallbackHandler site="videos.example.com" search={search} />);
    expect(done).toContain('data-state="error"');
    // The server cannot tell whose upload failed: the link's message is not shown.
    expect(done).toContain(englishLabels.callbackFailedUnverified);
    expect(done).not.toContain("img");
    // A render prop that shows it gets it as text.
    const own = renderToString(
      <CallbackHandler site="videos.example.com" search={search}>
        {(state) => (state.status === "error" ? state.result?.errorMessage : null)}
      </CallbackHandler>,
    );
    expect(own).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(own).not.toContain("<img");
  });

  it("renders the progress bar with its ARIA values and no inline style", () => {
    const html = renderToString(
      <UploadProgressBar
        label="Upload"
        labels={englishLabels}
        progress={{
          loaded: 500,
          total: 1000,
          fraction: 0.5,
          bytesPerSecond: null,
          secondsRemaining: null,
        }}
      />,
    );
    expect(html).toContain('value="50"');
    expect(html).toContain('aria-valuenow="50"');
    expect(html).toContain('aria-valuetext="50% (500 byte of 1 kB)"');
    expect(html).toContain('data-value="50"');
    const unknown = renderToString(
      <UploadProgressBar label="Upload" labels={englishLabels} progress={null} />,
    );
    expect(unknown).toContain("data-indeterminate");
    expect(unknown).not.toContain("aria-valuenow");
  });
});
