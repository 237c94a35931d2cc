import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { danishLabels, UploadForm, UploadProvider, UploadQueue } from "../src/index.js";
import "../src/styles.css";
import { emulatorTokenUrl, emulatorUrl } from "./storyHelpers.js";

// Danish, imported (only apps that use it ship it), with one string of the app's own.
const labels = { ...danishLabels, formSubmit: "Send video" };

/** App-wide settings once; the components below need no props of their own. */
function WithProvider() {
  return (
    <UploadProvider
      site={emulatorUrl()}
      token={emulatorTokenUrl()}
      labels={labels}
      defaults={{ maxSize: 2_000_000_000 }}
    >
      <UploadForm />
      <hr />
      <UploadQueue />
    </UploadProvider>
  );
}

const meta = { title: "Components/UploadProvider", component: WithProvider } satisfies Meta<
  typeof WithProvider
>;
export default meta;

export const DanishWithOverrides: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("button", { name: "Send video" })).toBeVisible();
    await expect(canvas.getByLabelText("Videofil")).toBeVisible();
    await expect(canvas.getByRole("button", { name: /^Tilføj filer/ })).toBeVisible();
  },
};
