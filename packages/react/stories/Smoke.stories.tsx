import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, within } from "storybook/test";

function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((value) => value + 1)}>
      Clicked {count} times
    </button>
  );
}

const meta = { title: "Smoke/Counter", component: Counter } satisfies Meta<typeof Counter>;
export default meta;

export const ClickTwice: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole("button");
    await userEvent.click(button);
    await userEvent.click(button);
    await expect(button).toHaveTextContent("Clicked 2 times");
  },
};
