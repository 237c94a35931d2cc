"use client";
import type { UploadResult } from "@twentythree-upload/core";
import { useId, type ComponentProps, type ComponentPropsWithoutRef, type ReactNode } from "react";
import { englishFormLabels } from "./englishFormLabels.js";
import type { UploadLabels } from "./labels.js";
import { splitUploaderOptions } from "./splitUploaderOptions.js";
import { UploadFormMetaFields } from "./UploadFormMetaFields.js";
import { isBusyStatus, UploadFormStatus } from "./UploadFormStatus.js";
import { useFormattingWarmUp } from "./useFormattingWarmUp.js";
import { useComponentLabels } from "./useComponentLabels.js";
import { useUploadForm, type UseUploadFormOptions } from "./useUploadForm.js";
import { useWarnBeforeUnload } from "./useWarnBeforeUnload.js";

type FormElementProps = Omit<
  ComponentPropsWithoutRef<"form">,
  keyof UseUploadFormOptions | "action" | "method" | "encType" | "children"
>;

/** Props of {@link UploadForm}: uploader options (`site`, `token`, `accept`, `maxSize`, `retry`…), the form's own options, and `<form>` props. */
export interface UploadFormProps extends UseUploadFormOptions, FormElementProps {
  /** Start uploading as soon as a file is chosen, without the submit button. Default: `false`. */
  startOnSelect?: boolean;
  /** Show a title field (sent with update-upload-token once a token exists). Default: `false`. */
  titleField?: boolean;
  /** Show a description field. Default: `false`. */
  descriptionField?: boolean;
  /** Renders the success message. Default: `labels.uploaded(photoId)`. */
  renderSuccess?: (result: UploadResult) => ReactNode;
  /**
   * Strings, merged over the provider's labels (English for every key no provider gives): a
   * locale such as `danishLabels`, a few keys of your own, or both
   * (`{ ...danishLabels, retry: "Igen" }`). Default: the provider's labels, else English.
   */
  labels?: Partial<UploadLabels>;
  /**
   * While the upload is in flight, ask the browser to confirm leaving or reloading the page (it
   * would be lost). The `beforeunload` listener is registered only while uploading.
   * Default: `true`.
   */
  warnBeforeUnload?: boolean;
}

// Spelled through the element's props: React 18 and 19 type submit events differently.
type SubmitEventOf = Parameters<NonNullable<ComponentProps<"form">["onSubmit"]>>[0];

/**
 * The seed's step-3 form, progressively enhanced. Without JavaScript it is a real
 * `<form action="https://<site>/api/photo/redeem-upload-token" method="post"
 * enctype="multipart/form-data">` with the hidden `upload_token` and a `file` input: the browser
 * posts it and lands on return_url (server-render it with `initialToken`: without JavaScript
 * nothing else can put a token into the page). With JavaScript it takes over the submit (or
 * starts on file pick with `startOnSelect`) and uploads through the core engine with a progress
 * bar, cancel, retry, success and error states, and a polite live region. A double submit
 * uploads once.
 *
 * @selector [data-twentythree-upload="form"]
 * @selector [data-state] — `idle` before an upload, then the upload's status (`uploading`,
 *   `processing`, `retrying`, `succeeded`, `failed`, `canceled`, `rejected`…).
 * @selector [data-part="file"|"title"|"description"|"submit"|"progress"|"status"|"cancel"|"retry"|"announcer"]
 * @selector [data-part="metadata-error"] — a title/description edit could not be saved yet.
 */
export function UploadForm(props: UploadFormProps) {
  const {
    startOnSelect = false,
    titleField = false,
    descriptionField = false,
    renderSuccess,
    warnBeforeUnload = true,
    labels: overrides,
    meta,
    initialToken,
    metadataDebounceMs,
    onSubmit,
    ...rest
  } = props;
  const [uploaderOptions, formProps] = splitUploaderOptions(rest);
  const labels = useComponentLabels(englishFormLabels, overrides);
  useFormattingWarmUp(labels.locale);
  const form = useUploadForm({ ...uploaderOptions, meta, initialToken, metadataDebounceMs });
  const fileId = useId();
  const { item, token } = form;
  const state = item?.status ?? "idle";
  const isBusy = isBusyStatus(state);
  useWarnBeforeUnload(warnBeforeUnload && isBusy);

  const submit = (event: SubmitEventOf) => {
    onSubmit?.(event);
    if (event.defaultPrevented) {
      return;
    }
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
    const file = input?.files?.[0];
    if (file) {
      form.upload(file);
    }
  };

  return (
    <form
      data-twentythree-upload="form"
      data-state={state}
      {...formProps}
      action={form.action}
      method="post"
      encType="multipart/form-data"
      onSubmit={submit}
    >
      {token.token ? (
        <input type="hidden" name="upload_token" value={token.token.uploadToken} />
      ) : null}
      <UploadFormMetaFields
        labels={labels}
        initial={{ title: meta?.title ?? "", description: meta?.description ?? "" }}
        titleField={titleField}
        descriptionField={descriptionField}
        onEdit={form.editMeta}
      />
      {form.metadataError && labels.formMetadataError ? (
        <p data-part="metadata-error" role="alert">
          {labels.formMetadataError}
        </p>
      ) : null}
      <div data-part="field">
        <label htmlFor={fileId}>{labels.formFile}</label>
        <input
          id={fileId}
          data-part="file"
          type="file"
          name="file"
          required
          {...(typeof uploaderOptions.accept === "string"
            ? { accept: uploaderOptions.accept }
            : {})}
          disabled={isBusy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (startOnSelect && file) {
              form.upload(file);
            }
          }}
        />
      </div>
      <button type="submit" data-part="submit" disabled={isBusy}>
        {labels.formSubmit}
      </button>
      <UploadFormStatus form={form} labels={labels} renderSuccess={renderSuccess} />
    </form>
  );
}
