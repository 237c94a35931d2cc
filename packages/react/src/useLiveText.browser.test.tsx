import { useEffect } from "react";
import { describe, expect, it } from "vitest";
import { render } from "vitest-browser-react";
import { recordLiveRegion } from "../test/helpers.js";
import { useLiveText } from "./useLiveText.js";

/** A live region whose `say` the test holds. */
function Region({ onSay }: { onSay: (say: (text: string) => void) => void }) {
  const [text, say] = useLiveText("");
  useEffect(() => onSay(say), [onSay, say]);
  return (
    <div role="status" aria-live="polite">
      {text}
    </div>
  );
}

async function renderRegion() {
  let say: (text: string) => void = () => {};
  const screen = await render(<Region onSay={(given) => (say = given)} />);
  const element = screen.getByRole("status").element();
  return { say: (text: string) => say(text), region: recordLiveRegion(element), element };
}

/** Resolves after the next two animation frames: what was rendered before has been painted. */
const painted = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe("useLiveText", () => {
  it("says each sentence in turn, and one that is due again once more", async () => {
    const { say, region } = await renderRegion();
    const sentences = ["a.mp4 failed", "b.mp4 uploaded", "b.mp4 uploaded"];
    for (const [index, sentence] of sentences.entries()) {
      say(sentence);
      await expect.poll(() => region.texts.length).toBe(index + 1);
      await painted();
    }
    expect(region.texts).toEqual(sentences);
    region.stop();
  });

  it("adds a sentence said before the previous one was rendered, instead of dropping it", async () => {
    const { say, region, element } = await renderRegion();
    say("a.mp4 failed");
    say("b.mp4 uploaded");
    await expect.element(element).toHaveTextContent("a.mp4 failed b.mp4 uploaded");
    await painted();
    expect(region.texts).toEqual(["a.mp4 failed b.mp4 uploaded"]);
    region.stop();
  });

  it("adds a sentence said after the previous one was rendered but before a frame painted it", async () => {
    // Frames held back by the test: "painted" is when it lets them run.
    const frames: FrameRequestCallback[] = [];
    const { requestAnimationFrame: realRequest, cancelAnimationFrame: realCancel } = window;
    window.requestAnimationFrame = (callback) => frames.push(callback);
    window.cancelAnimationFrame = (handle) => {
      frames[handle - 1] = () => {};
    };
    try {
      const { say, region, element } = await renderRegion();
      say("a.mp4 failed");
      await expect.poll(() => element.textContent).toBe("a.mp4 failed");
      say("b.mp4 uploaded");
      await expect.poll(() => element.textContent).toBe("a.mp4 failed b.mp4 uploaded");
      frames.splice(0).forEach((callback) => callback(performance.now()));
      say("c.mp4 uploaded");
      await expect.poll(() => element.textContent).toBe("c.mp4 uploaded");
      expect(region.texts).toEqual([
        "a.mp4 failed",
        "a.mp4 failed b.mp4 uploaded",
        "c.mp4 uploaded",
      ]);
      region.stop();
    } finally {
      window.requestAnimationFrame = realRequest;
      window.cancelAnimationFrame = realCancel;
    }
  });
});
