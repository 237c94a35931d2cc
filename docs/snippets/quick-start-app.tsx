import { UploadQueue } from "@twentythree-upload/react";
import "@twentythree-upload/react/styles.css";

// The emulator from step 2 stands in for your TwentyThree site. Its /__emulator/token answers
// like a token endpoint without any credentials: a development stand-in only (see step 5).
const site = "http://127.0.0.1:8023";

export default function App() {
  return (
    <main>
      <h1>Upload a video</h1>
      <UploadQueue site={site} token={`${site}/__emulator/token`} accept="video/*" />
    </main>
  );
}
