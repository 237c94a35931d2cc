import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { CallbackHandler } from "../src/index.js";
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

export const Success: Story = {
  args: { search: success },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent(
      "Uploaded. Video id: 12345",
    );
  },
};

export const Failure: Story = {
  args: { search: failure },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("alert")).toHaveTextContent(
      "The upload failed: The file type isn't supported",
    );
  },
};

/** `error_message` is attacker-controllable: it is shown as text, never as markup. */
export const HostileMessage: Story = {
  args: {
    search: `?domain=videos.example.com&upload_token=t&error_message=${encodeURIComponent("<img src=x onerror=alert(1)>")}`,
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
