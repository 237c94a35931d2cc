import { rm } from "node:fs/promises";
import { drain } from "./bodyMeter.js";
import { parseChunkInfo } from "./chunkAssembler.js";
import type { ApiCall } from "./emulatorContext.js";
import { isRefusedType } from "./fileTypes.js";
import { MultipartError, mediaType } from "./readParams.js";
import { redeemChunk } from "./redeemChunk.js";
import { type RedeemForm, receiveRedeemForm } from "./redeemForm.js";
import {
  type Outcome,
  mergeExtras,
  redeemExtras,
  renderOutcome,
  tokenErrorReply,
} from "./redeemOutcome.js";
import { type Reply, textReply } from "./reply.js";
import { storeUpload } from "./storeUpload.js";

const failure = (code: string, message: string, v2Status = 400): Outcome => ({
  ok: false,
  code,
  message,
  v2Status,
});

async function settle(call: ApiCall, form: RedeemForm): Promise<{ reply: Reply; moved: boolean }> {
  const { ctx } = call;
  const uploadToken = form.values.get("upload_token");
  call.record.uploadToken = uploadToken ?? null;
  if (uploadToken === undefined || uploadToken === "")
    return { reply: tokenErrorReply(call, "missing"), moved: false };
  const chunk = parseChunkInfo(form.values);
  if (typeof chunk === "string") return { reply: textReply(400, chunk), moved: false };
  if (chunk !== null) return redeemChunk(call, form, chunk);
  const problem = ctx.state.tokenProblem(uploadToken);
  const token = ctx.state.tokens.get(uploadToken);
  if (problem !== null || !token)
    return { reply: tokenErrorReply(call, problem ?? "invalid"), moved: false };
  const extras = mergeExtras(token, redeemExtras(form.fields));
  const fail = async (outcome: Outcome) => ({
    reply: await renderOutcome(call, token, outcome, form.values, extras),
    moved: false,
  });
  if (form.fileParts > 1) return fail(failure("invalid_input", "Send one file per request."));
  const file = form.file;
  if (!file) return fail(failure("no_file", "No file was uploaded."));
  if (isRefusedType(ctx.options.refuseTypes, file.fileName, file.contentType)) {
    return fail(failure("error_processing_upload", "The file type isn't supported"));
  }
  const upload = await storeUpload(ctx, token, file, {
    extra: extras,
    resumableIdentifier: null,
    chunks: null,
  });
  return {
    reply: await renderOutcome(call, token, { ok: true, upload }, form.values, extras),
    moved: true,
  };
}

/**
 * `photo/redeem-upload-token`: a multipart POST with no authentication (the token is the
 * credential). The file streams to disk; the token is used only once a complete file is stored.
 */
export async function redeemUploadToken(call: ApiCall): Promise<Reply> {
  const { req, ctx } = call;
  if (req.method !== "POST") {
    await drain(call.body);
    return textReply(405, "redeem-upload-token takes a multipart/form-data POST.", {
      Allow: "POST",
    });
  }
  if (mediaType(req) !== "multipart/form-data") {
    await drain(call.body);
    return textReply(
      400,
      "redeem-upload-token takes a multipart/form-data POST with upload_token and file.",
    );
  }
  let form: RedeemForm;
  try {
    form = await receiveRedeemForm(req, call.body, ctx.data, (values, part) => {
      const token = values.get("upload_token");
      // Logged as soon as known, so that a request cut off mid-file can be told apart.
      call.record.uploadToken = token ?? null;
      const number = Number(values.get("resumableChunkNumber"));
      if (Number.isInteger(number) && number > 0) call.record.chunk = number;
      const chunkOfDoneFile = ctx.chunks.get(
        token ?? "",
        values.get("resumableIdentifier") ?? "",
      )?.completion;
      if (token !== undefined && ctx.state.tokenProblem(token) !== null && !chunkOfDoneFile) {
        return "skip";
      }
      const chunk = parseChunkInfo(values);
      if (token === undefined || chunk === null || typeof chunk === "string") return "incoming";
      // A chunk whose fields came first goes straight to its place in the file.
      const region = ctx.chunks.region(
        token,
        { ...chunk, fileName: chunk.fileName || part.fileName },
        values.get("resumableType") || part.contentType,
      );
      return region ?? "incoming";
    });
  } catch (error) {
    if (error instanceof MultipartError) {
      return textReply(400, `The multipart body could not be read: ${error.message}`);
    }
    throw error;
  }
  let moved = false;
  try {
    const settled = await settle(call, form);
    moved = settled.moved;
    return settled.reply;
  } finally {
    if (!moved && form.file && !form.file.inPlace) await rm(form.file.path, { force: true });
  }
}
