import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  CallbackHandler,
  danishLabels,
  defaultUploadSettings,
  englishLabels,
  UploadForm,
  UploadProvider,
  UploadQueue,
  useLabels,
  useUploadContext,
  type UploadLabels,
  type UploadSettings,
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

  // Components fall back to their own part of English, not to a complete English object from the
  // provider: a provider given a few keys must still leave every other string English.
  it("keeps English for every key a provider's partial labels leave out, in each component", () => {
    const partial: Partial<UploadLabels> = {
      formSubmit: "Send video",
      emptyQueue: "Tom kø",
      callbackWorking: "Et øjeblik…",
    };
    const html = renderToString(
      <UploadProvider site="videos.example.com" token="/token" labels={partial}>
        <UploadForm titleField />
        <UploadQueue />
        <CallbackHandler search="?domain=videos.example.com" />
      </UploadProvider>,
    );
    expect(html).toContain("Send video");
    expect(html).toContain(englishLabels.formFile);
    expect(html).toContain(englishLabels.formTitle);
    expect(html).toContain("Tom kø");
    expect(html).toContain(englishLabels.dropZone);
    expect(html).toContain(englishLabels.dropZoneHint);
    expect(html).toContain(englishLabels.totalProgress);
    expect(html).toContain(englishLabels.callbackInvalid);
    expect(html).not.toContain(englishLabels.formSubmit);
    expect(html).not.toContain(englishLabels.emptyQueue);
  });
});

describe("useUploadContext and useLabels (for UIs of your own)", () => {
  function read(wrap: (probe: ReactElement) => ReactElement) {
    const seen: { settings?: UploadSettings; labels?: UploadLabels } = {};
    const Probe = () => {
      seen.settings = useUploadContext();
      seen.labels = useLabels({ retry: "Again" });
      return null;
    };
    renderToString(wrap(<Probe />));
    return seen;
  }

  it("gives defaultUploadSettings and all of English without a provider", () => {
    const { settings, labels } = read((probe) => probe);
    expect(settings).toBe(defaultUploadSettings);
    expect(settings?.labels).toBe(englishLabels);
    expect(labels).toEqual({ ...englishLabels, retry: "Again" });
  });

  it("gives a partial provider's keys over all of English", () => {
    const { settings, labels } = read((probe) => (
      <UploadProvider site="videos.example.com" labels={{ formSubmit: "Send", retry: "Igen" }}>
        {probe}
      </UploadProvider>
    ));
    expect(settings?.site).toBe("videos.example.com");
    expect(settings?.labels).toEqual({ ...englishLabels, formSubmit: "Send", retry: "Igen" });
    // The hook's own overrides win over the provider's.
    expect(labels).toEqual({ ...englishLabels, formSubmit: "Send", retry: "Again" });
  });
});
