import type { Reply } from "./reply.js";

const xml = (body: string): Reply => ({
  status: 200,
  headers: { "Content-Type": "text/x-cross-domain-policy; charset=utf-8" },
  body: `<?xml version="1.0"?>\n<!DOCTYPE cross-domain-policy SYSTEM "http://www.adobe.com/xml/dtds/cross-domain-policy.dtd">\n<cross-domain-policy>\n${body}</cross-domain-policy>\n`,
});

/** `/api/crossdomain.xml`: "access to all API methods" for Flash (reference §4). */
export function apiCrossdomain(): Reply {
  return xml(
    '  <site-control permitted-cross-domain-policies="all"/>\n  <allow-access-from domain="*" secure="false"/>\n  <allow-http-request-headers-from domain="*" headers="*" secure="false"/>\n',
  );
}

/** `/crossdomain.xml`: the master policy "does not grant explicit access to anything". */
export function masterCrossdomain(): Reply {
  return xml('  <site-control permitted-cross-domain-policies="all"/>\n');
}
