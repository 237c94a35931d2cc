import { shallowEqual, useUploaderState } from "@twentythree-upload/react";
import { Link } from "react-router";
import { useSessionUploader } from "./useSessionUploader.js";

/** The uploads that succeeded in this session, with the ids TwentyThree gave them. */
export function SessionResults() {
  const uploader = useSessionUploader();
  const done = useUploaderState(
    uploader,
    (snapshot) => snapshot.items.filter((item) => item.status === "succeeded"),
    shallowEqual,
  );
  if (done.length === 0) {
    return (
      <p data-part="no-results">
        No uploads finished in this session yet. <Link to="/queue">Upload some videos.</Link>
      </p>
    );
  }
  return (
    <>
      <h3>Uploaded in this session</h3>
      <ul data-part="results">
        {done.map((item) => (
          <li key={item.id} data-part="result" data-photo-id={item.result?.photoId}>
            <span data-part="result-name">{item.name}</span>: video{" "}
            <span data-part="result-photo-id">{item.result?.photoId}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/queue">Upload more</Link>
      </p>
    </>
  );
}
