import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  CallbackHandler,
  danishLabels,
  UploadForm,
  UploadProvider,
  UploadQueue,
  type UploadLabels,
} from "./index.js";

// Locales are labels objects the app imports and passes as `labels`; each level merges over the
// one above it (English at the top).
describe("labels props", () => {
  it("is English without a provider or labels", () => {
    const html = renderToString(<UploadForm site="videos.example.com" token="/token" />);
    expect(html).toContain("Video file");
    expect(html).toContain("Upload video");
  });

  it("takes a locale on a component, over the provider's English", () => {
    const html = renderToString(
      <UploadProvider site="videos.example.com" token="/token">
        <UploadQueue labels={danishLabels} />
      </UploadProvider>,
    );
    expect(html).toContain(danishLabels.dropZone);
    expect(html).toContain(danishLabels.emptyQueue);
  });

  it("merges a provider's locale, a nested provider's keys and a component's keys", () => {
    const outer = { ...danishLabels, formTitle: "Overskrift" };
    const inner: Partial<UploadLabels> = { formSubmit: "Send video" };
    const html = renderToString(
      <UploadProvider site="videos.example.com" token="/token" labels={outer}>
        <UploadProvider labels={inner}>
          <UploadForm titleField labels={{ formFile: "Din video" }} />
        </UploadProvider>
      </UploadProvider>,
    );
    expect(html).toContain("Din video"); // the component's own key
    expect(html).toContain("Send video"); // the nested provider's key
    expect(html).toContain("Overskrift"); // the outer provider's override of the locale
    expect(html).not.toContain("Upload video"); // nothing fell back to English
  });

  it("keeps the enclosing labels' sentences for keys a partial set leaves out", () => {
    const html = renderToString(
      <UploadProvider labels={danishLabels}>
        <CallbackHandler
          site="videos.example.com"
          search="?domain=videos.example.com"
          labels={{ uploaded: (photoId) => `Klar: ${photoId}` }}
        />
      </UploadProvider>,
    );
    // An invalid callback (no photo_id): the Danish sentence, not English's.
    expect(html).toContain(danishLabels.callbackInvalid);
  });
});
