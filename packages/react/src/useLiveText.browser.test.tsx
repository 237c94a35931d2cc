import { useEffect } from "react";
import { describe, expect, it } from "vitest";
import { render } from "vitest-browser-react";
import { recordLiveRegion } from "../test/helpers.js";
import { useLiveText } from "./useLiveText.js";

/** A live region that says `sentences` one after another, each in a task of its own or at once. */
function Region({ sentences, together }: { sentences: string[]; together: boolean }) {
  const [text, say] = useLiveText("");
  useEffect(() => {
    if (together) {
      sentences.forEach(say);
      return;
    }
    const timers = sentences.map((sentence, index) => setTimeout(() => say(sentence), index * 50));
    return () => timers.forEach(clearTimeout);
  }, [sentences, together, say]);
  return (
    <div role="status" aria-live="polite">
      {text}
    </div>
  );
}

describe("useLiveText", () => {
  it("says each sentence in turn, and one that is due again once more", async () => {
    const sentences = ["a.mp4 failed", "b.mp4 uploaded", "b.mp4 uploaded"];
    const screen = await render(<Region sentences={sentences} together={false} />);
    const region = recordLiveRegion(screen.getByRole("status").element());
    await expect.poll(() => region.texts).toEqual(sentences);
    region.stop();
  });

  it("adds a sentence said before the previous one was rendered, instead of dropping it", async () => {
    const screen = await render(<Region sentences={["a.mp4 failed", "b.mp4 uploaded"]} together />);
    await expect
      .element(screen.getByRole("status"))
      .toHaveTextContent("a.mp4 failed b.mp4 uploaded");
  });
});
