import type { Meta, StoryObj } from "@storybook/react-vite";
import { renderToString } from "react-dom/server";
import { expect, fn, within } from "storybook/test";
import { CallbackHandler, rememberReceivedToken } from "../src/index.js";
import "../src/styles.css";

// The seed's callback URLs (steps 4a and 4b), passed as a router would pass them.
const success =
  "?theme=green&domain=videos.example.com&upload_token=022fe6e3fb42758d6147c539727c5358af3524b1&photo_id=12345&tree_id=97531&token=mhpDudicFtdjz1isvidhnzsgqv3kaske";
const failure =
  "?theme=green&domain=videos.example.com&upload_token=022fe6e3fb42758d6147c539727c5358af3524b1&error_message=The+file+type+isn't+supported";

const meta = {
  title: "Components/CallbackHandler",
  component: CallbackHandler,
  args: { site: "videos.example.com", stripParams: false },
} satisfies Meta<typeof CallbackHandler>;
export default meta;
type Story = StoryObj<typeof meta>;

/** This tab received the upload token (as the uploader records it), so the result is verified. */
export const Success: Story = {
  args: { search: success, onSuccess: fn() },
  beforeEach: () => {
    rememberReceivedToken("022fe6e3fb42758d6147c539727c5358af3524b1");
  },
  play: async ({ args, canvasElement }) => {
    const status = within(canvasElement).getByRole("status");
    await expect(status).toHaveTextContent(/^Uploaded\. Video id: 12345$/);
    await expect(status).toHaveAttribute("data-state", "success");
    await expect(status).toHaveAttribute("data-verified", "true");
    await expect(args.onSuccess).toHaveBeenCalledWith(
      expect.objectContaining({ photoId: "12345" }),
      { verified: true },
    );
  },
};

/**
 * A success callback whose upload token this tab never received (a forged link, or a result
 * opened in another browser): shown, but flagged, and `onSuccess` gets `verified: false`.
 */
export const Unverified: Story = {
  args: {
    search: success.replace(
      "022fe6e3fb42758d6147c539727c5358af3524b1",
      "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0",
    ),
    onSuccess: fn(),
  },
  play: async ({ args, canvasElement }) => {
    const status = within(canvasElement).getByRole("status");
    await expect(status).toHaveTextContent(
      "Uploaded. Video id: 12345 (not confirmed: this browser did not start this upload).",
    );
    await expect(status).toHaveAttribute("data-state", "success");
    await expect(status).toHaveAttribute("data-verified", "false");
    await expect(args.onSuccess).toHaveBeenCalledWith(
      expect.objectContaining({ photoId: "12345" }),
      { verified: false },
    );
  },
};

/**
 * Before the page has read its address: what the server renders (and the first client render
 * shows) when the callback comes from `window.location`. Shown here as the server's HTML.
 */
export const Pending: Story = {
  render: (args) => (
    <div
      data-testid="server-html"
      // The component's own server output (no user input in it), as a page would receive it.
      dangerouslySetInnerHTML={{ __html: renderToString(<CallbackHandler {...args} />) }}
    />
  ),
  play: async ({ canvasElement }) => {
    const status = within(canvasElement).getByRole("status");
    await expect(status).toHaveTextContent("Finishing the upload…");
    await expect(status).toHaveAttribute("data-state", "pending");
    await expect(status).not.toHaveAttribute("data-verified");
  },
};

/**
 * On a return_url page inside a popup or the upload's fallback frame: the result goes to the page
 * that started the upload (by `postMessage` to this page's own origin), and this page says it can
 * be closed. `handOff: true` hands off to the story's own same-origin parent (the Storybook UI or
 * the test runner), which ignores the message.
 */
export const HandedOff: Story = {
  args: { search: success, handOff: true, onSuccess: fn(), onError: fn() },
  play: async ({ args, canvasElement }) => {
    const status = within(canvasElement).getByRole("status");
    await expect(status).toHaveTextContent("Upload finished. You can close this window.");
    await expect(status).toHaveAttribute("data-state", "handed-off");
    // The page that started the upload handles the result, not this one.
    await expect(args.onSuccess).not.toHaveBeenCalled();
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** TwentyThree's failure for an upload this tab started: its `error_message` is shown, as text. */
export const Failure: Story = {
  args: { search: failure, onError: fn() },
  beforeEach: () => {
    rememberReceivedToken("022fe6e3fb42758d6147c539727c5358af3524b1");
  },
  play: async ({ args, canvasElement }) => {
    const alert = within(canvasElement).getByRole("alert");
    await expect(alert).toHaveTextContent("The upload failed: The file type isn't supported");
    await expect(alert).toHaveAttribute("data-verified", "true");
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: "upload_failed" }),
      expect.objectContaining({ errorMessage: "The file type isn't supported" }),
      { verified: true },
    );
  },
};

/**
 * A failure link for an upload token this tab never received: anyone can write an
 * `error_message` ("Call support at …"), so only a generic sentence is shown.
 */
export const UnverifiedFailure: Story = {
  args: {
    search:
      "?domain=videos.example.com&upload_token=f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0&error_message=Call+support+at+555-0100",
    onError: fn(),
  },
  play: async ({ args, canvasElement }) => {
    const alert = within(canvasElement).getByRole("alert");
    await expect(alert).toHaveTextContent(/^The upload failed\.$/);
    await expect(alert).toHaveAttribute("data-verified", "false");
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: "upload_failed" }),
      expect.objectContaining({ errorMessage: "Call support at 555-0100" }),
      { verified: false },
    );
  },
};

/**
 * Markup in `error_message` (of an upload this tab started, so that it is shown at all): shown
 * as text, never as markup.
 */
export const HostileMessage: Story = {
  args: {
    search: `?domain=videos.example.com&upload_token=t&error_message=${encodeURIComponent("<img src=x onerror=alert(1)>")}`,
  },
  beforeEach: () => {
    rememberReceivedToken("t");
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("alert")).toHaveTextContent(
      "The upload failed: <img src=x onerror=alert(1)>",
    );
    await expect(canvasElement.querySelector("img")).toBeNull();
  },
};

/** A callback naming another site is refused. */
export const ForeignDomain: Story = {
  args: { search: success.replace("videos.example.com", "evil.example.net") },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("alert")).toHaveTextContent(
      "This page did not receive a valid upload result.",
    );
  },
};

/** Your own rendering through the render prop. */
export const RenderProp: Story = {
  args: {
    search: success,
    children: (state) =>
      state.status === "success" ? (
        <a href={`https://videos.example.com/manage/video/${state.result.photoId}`}>
          Open video {state.result.photoId}
        </a>
      ) : (
        <span>{state.status}</span>
      ),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("link")).toHaveTextContent("Open video 12345");
  },
};
