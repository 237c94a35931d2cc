import { type ChunkInfo, type ChunkSession, expectedChunkSize } from "./chunkAssembler.js";
import type { ApiCall } from "./emulatorContext.js";
import type { StoredToken, StoredUpload, TokenProblem } from "./emulatorState.js";
import { isRefusedType } from "./fileTypes.js";
import type { RedeemForm } from "./redeemForm.js";
import { mergeExtras, redeemExtras, renderOutcome, tokenErrorReply } from "./redeemOutcome.js";
import { type Reply, textReply } from "./reply.js";
import { storeUpload } from "./storeUpload.js";

type Completion = StoredUpload | { error: TokenProblem };

async function complete(
  call: ApiCall,
  session: ChunkSession,
  form: RedeemForm,
): Promise<Completion> {
  const { ctx } = call;
  const problem = ctx.state.tokenProblem(session.uploadToken);
  const token = ctx.state.tokens.get(session.uploadToken);
  if (problem !== null || !token) {
    await ctx.chunks.discard(session);
    return { error: problem ?? "invalid" };
  }
  const file = await ctx.chunks.assemble(session);
  return storeUpload(ctx, token, file, {
    extra: mergeExtras(token, redeemExtras(form.fields)),
    resumableIdentifier: session.identifier,
    chunks: session.totalChunks,
  });
}

async function answer(
  call: ApiCall,
  token: StoredToken,
  completion: Completion,
  form: RedeemForm,
): Promise<Reply> {
  if ("error" in completion) return tokenErrorReply(call, completion.error);
  return renderOutcome(
    call,
    token,
    { ok: true, upload: completion },
    form.values,
    completion.extra,
  );
}

/**
 * One Resumable.js chunk: 200 while chunks are missing, 500 for a refused file type, 4xx for a
 * malformed chunk (the client retries it), and the usual outcome once the file is complete. A chunk
 * of a file that is already complete gets that same outcome again and stores nothing.
 * Returns `moved: true` when the part's file now belongs to the session.
 */
export async function redeemChunk(
  call: ApiCall,
  form: RedeemForm,
  info: ChunkInfo,
): Promise<{ reply: Reply; moved: boolean }> {
  const { ctx } = call;
  const uploadToken = form.values.get("upload_token") ?? "";
  call.record.chunk = info.number;
  const done = (reply: Reply, moved = false) => ({ reply, moved });
  const existing = ctx.chunks.get(uploadToken, info.identifier);
  const token = ctx.state.tokens.get(uploadToken);
  if (existing?.completion && token)
    return done(await answer(call, token, await existing.completion, form));
  const problem = ctx.state.tokenProblem(uploadToken);
  if (problem !== null || !token) return done(tokenErrorReply(call, problem ?? "invalid"));
  if (form.fileParts > 1) return done(textReply(400, "Send one chunk per request."));
  const file = form.file;
  if (!file) return done(textReply(400, "No file was uploaded: the chunk has no file part."));
  const fileName = info.fileName || file.fileName;
  const type = form.values.get("resumableType") || file.contentType;
  if (isRefusedType(ctx.options.refuseTypes, fileName, type)) {
    if (existing) await ctx.chunks.discard(existing);
    return done(textReply(500, "The file type isn't supported"));
  }
  const expected = expectedChunkSize(info);
  if (file.size !== expected) {
    return done(
      textReply(400, `Chunk ${info.number} has ${file.size} bytes; expected ${expected}.`),
    );
  }
  const session = ctx.chunks.open(uploadToken, { ...info, fileName }, type);
  if (typeof session === "string") return done(textReply(400, session));
  if (file.inPlace && file.path !== session.path) {
    // The file was started over while this chunk arrived (its bytes went to the old one).
    return done(
      textReply(503, `Chunk ${info.number} arrived for a discarded file; send it again.`),
    );
  }
  await ctx.chunks.keep(session, info.number, file);
  if (session.received.size < session.totalChunks) {
    return done(textReply(200, `Chunk ${info.number} of ${session.totalChunks} received.`), true);
  }
  // Whichever request brings the last missing chunk completes the file; racing ones share it.
  session.completion ??= complete(call, session, form);
  return done(await answer(call, token, await session.completion, form), true);
}
