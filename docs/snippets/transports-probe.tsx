import { probeCors } from "@twentythree-upload/react";
import { useEffect, useState } from "react";

// What will "auto" do on this page? probeCors sends the same preflight an upload would (and,
// where CORS works, an empty POST that TwentyThree refuses with its missing-token error). The
// answer is cached per site for the life of the page, so the first upload starts sooner too.
export function TransportDiagnosis({ site }: { site: string }) {
  const [cors, setCors] = useState<boolean | null>(null);
  useEffect(() => {
    let current = true;
    void probeCors(site, "legacy").then((allowed) => current && setCors(allowed));
    return () => {
      current = false;
    };
  }, [site]);
  if (cors === null) return <p>Checking {site}…</p>;
  return cors ? (
    <p>{site} allows CORS: uploads use XHR with byte progress.</p>
  ) : (
    <p>{site} refuses CORS: uploads use the iframe fallback (no byte progress).</p>
  );
}
