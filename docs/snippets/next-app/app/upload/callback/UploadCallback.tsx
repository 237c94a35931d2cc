"use client";
// app/upload/callback/UploadCallback.tsx
import { CallbackHandler } from "@twentythree-upload/react";
import { useSearchParams } from "next/navigation";
import { useState } from "react";

// Read the query once. Next.js syncs history.replaceState into useSearchParams, so when
// CallbackHandler removes TwentyThree's parameters from the address bar, a live query would
// change under it and read as "not a callback".
export function UploadCallback() {
  const searchParams = useSearchParams();
  const [search] = useState(() => searchParams.toString());
  return (
    <CallbackHandler
      site={process.env.NEXT_PUBLIC_TWENTYTHREE_SITE ?? "videos.example.com"}
      search={search}
    >
      {(state) => {
        switch (state.status) {
          case "pending":
            return <p>Finishing the upload…</p>;
          case "handed-off":
            return <p>Upload finished. You can close this window.</p>;
          case "success":
            // verified: false means this tab never received the token: the link may be forged.
            return state.verified === false ? (
              <p>Uploaded (not confirmed). Video id: {state.result.photoId}</p>
            ) : (
              <p>Uploaded. Video id: {state.result.photoId}</p>
            );
          case "error":
            // error_message comes from the link: anyone can write one. Show it only when verified.
            return state.verified === true && state.result ? (
              <p>Upload failed: {state.result.errorMessage}</p>
            ) : (
              <p>Upload failed.</p>
            );
        }
      }}
    </CallbackHandler>
  );
}
