import { UploadProvider, UploadQueue } from "@twentythree-upload/react";
import "@twentythree-upload/react/styles.css"; // optional: styles through data attributes only

// App-wide settings once; every upload component below uses them.
export function App() {
  return (
    <UploadProvider site="videos.example.com" token="/api/upload-token">
      <h1>Upload videos</h1>
      <UploadQueue accept="video/*" maxSize={4_000_000_000} />
    </UploadProvider>
  );
}
