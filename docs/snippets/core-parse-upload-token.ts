import {
  parseUploadToken,
  ResponseFormatError,
  TwentyThreeApiError,
} from "@twentythree-upload/core";

// Whatever your server got from get-upload-token (XML, JSON, v2 JSON…), as text or parsed.
const body = `<response status="ok" permission_level="write" message="The upload token is ready to use" cached="0">
  <upload_token>022fe6e3fb42758d6147c539727c5358af3524b1</upload_token>
  <max_uploads>1</max_uploads><valid_minutes>180</valid_minutes><valid_until>1266711372</valid_until>
  <return_url>http://www.example.com/upload/callback?theme=green</return_url>
</response>`;

try {
  const token = await parseUploadToken(body);
  console.log(token.validUntil.toISOString(), token.maxUploads, token.returnUrl);
} catch (error) {
  if (error instanceof TwentyThreeApiError)
    console.error(`TwentyThree said ${error.code}: ${error.message}`);
  else if (error instanceof ResponseFormatError) console.error(error.message, error.received);
  else throw error;
}
