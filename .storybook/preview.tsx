import type { Preview } from "@storybook/react-vite";
import { configure } from "storybook/test";

// Play functions wait for real uploads to a real emulator: on a shared, slow machine a token or
// an upload can take longer than testing-library's default 1 s. `waitFor` returns as soon as its
// condition holds, so this only lets slow runs finish; nothing is timed.
configure({ asyncUtilTimeout: 5_000 });

const preview: Preview = {
  parameters: {
    layout: "padded",
    options: {
      // The welcome page, the first docs pages, the fault playground, the rest of docs/ (in the
      // order of .storybook/docs/guidePages.ts), then the component stories. Storybook reads this
      // statically: it must stay a literal.
      storySort: {
        order: [
          "Introduction",
          "Start",
          [
            "Documentation",
            "Overview",
            "Installation",
            "Quick start",
            "Troubleshooting",
            "*",
            "All docs pages",
          ],
          "Playground",
          ["Faults", "Form faults"],
          "Guides",
          [
            "Token endpoint and OAuth",
            "Transports and CORS",
            "Chunked uploads",
            "Callback routing",
            "Styling and theming",
            "Accessibility",
            "Internationalization",
            "Testing with the emulator",
            "Security checklist",
            "*",
          ],
          "Reference",
          [
            "React",
            "Core",
            "Core queue engine",
            "Core transports",
            "Core parsing",
            "Emulator",
            "*",
          ],
          "Project",
          ["Playground", "Benchmarks", "Contributing", "*"],
          "Components",
          "*",
        ],
      },
    },
  },
};
export default preview;
