"use client";
import type { UploadResult } from "@twentythree-upload/core";
import {
  useId,
  useRef,
  type ComponentProps,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type RefObject,
} from "react";
import { englishFormLabels } from "./englishFormLabels.js";
import type { UploadLabels } from "./labels.js";
import { splitUploaderOptions } from "./splitUploaderOptions.js";
import { UploadFormMetaFields } from "./UploadFormMetaFields.js";
import { isBusyStatus, UploadFormStatus } from "./UploadFormStatus.js";
import { useFormattingWarmUp } from "./useFormattingWarmUp.js";
import { useNestedFormId } from "./useNestedFormId.js";
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
 * Inside another `<form>` (nested forms are invalid HTML: the outer one would take its submit)
 * it renders, once mounted, as a `<div>` whose controls belong to no form: uploading never
 * submits the outer form, and the outer form neither sends nor validates the file field. React
 * warns about the nested `<form>` of the first render in development; do not server-render it
 * inside a form (the HTML parser would merge the two).
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
  const root = useRef<HTMLElement | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);
  // Hidden by <Activity>, the form's upload goes on (see useUploader).
  const form = useUploadForm({ ...uploaderOptions, meta, initialToken, metadataDebounceMs }, root);
  const fileId = useId();
  const { item, token } = form;
  const state = item?.status ?? "idle";
  const isBusy = isBusyStatus(state);
  useWarnBeforeUnload(warnBeforeUnload && isBusy);
  // Inside another form: a <div>, its controls out of the outer form (see useNestedFormId).
  const detached = useNestedFormId(root);
  const isNested = detached !== undefined;

  const send = () => {
    const file = fileInput.current?.files?.[0];
    if (file) {
      form.upload(file);
    }
  };
  const submit = (event: SubmitEventOf) => {
    onSubmit?.(event);
    if (!event.defaultPrevented) {
      event.preventDefault();
      send();
    }
  };
  // Typed as a form: a nested one renders a <div> without the form-only props.
  const Root = (isNested ? "div" : "form") as "form";

  return (
    <Root
      data-twentythree-upload="form"
      data-state={state}
      {...formProps}
      {...(isNested ? {} : { action: form.action, method: "post", encType: "multipart/form-data" })}
      onSubmit={isNested ? undefined : submit}
      ref={root as RefObject<HTMLFormElement | null>}
    >
      {token.token ? (
        <input type="hidden" name="upload_token" value={token.token.uploadToken} form={detached} />
      ) : null}
      <UploadFormMetaFields
        // New `meta`: the fields show its values (edits for the old one are dropped).
        key={`${meta?.title ?? ""}\n${meta?.description ?? ""}`}
        labels={labels}
        initial={{ title: meta?.title ?? "", description: meta?.description ?? "" }}
        titleField={titleField}
        descriptionField={descriptionField}
        onEdit={form.editMeta}
        form={detached}
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
          accept={[uploaderOptions.accept ?? []].flat().join(",") || undefined}
          disabled={isBusy}
          form={detached}
          ref={fileInput}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (startOnSelect && file) {
              form.upload(file);
            }
          }}
        />
      </div>
      <button
        type={isNested ? "button" : "submit"}
        data-part="submit"
        disabled={isBusy}
        // Nested, the `required` file field checks itself: no form submission does it.
        onClick={isNested ? () => fileInput.current?.reportValidity() && send() : undefined}
      >
        {labels.formSubmit}
      </button>
      <UploadFormStatus form={form} labels={labels} renderSuccess={renderSuccess} />
    </Root>
  );
}
