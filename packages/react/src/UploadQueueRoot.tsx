"use client";
import type { Uploader, UploaderOptions } from "@twentythree-upload/core";
import {
  forwardRef,
  useCallback,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
} from "react";
import { composeHandlers } from "./composeHandlers.js";
import { englishQueueLabels } from "./englishQueueLabels.js";
import type { UploadLabels } from "./labels.js";
import { mergeRefs } from "./mergeRefs.js";
import type { UnreadableEntry } from "./readDroppedFiles.js";
import { splitUploaderOptions } from "./splitUploaderOptions.js";
import { UploadQueueContext, type UploadQueueContextValue } from "./UploadQueueContext.js";
import { useDropZone } from "./useDropZone.js";
import { useFilePicker } from "./useFilePicker.js";
import { useFormattingWarmUp } from "./useFormattingWarmUp.js";
import { useComponentLabels } from "./useComponentLabels.js";
import { usePaste } from "./usePaste.js";
import { useUploader } from "./useUploader.js";
import { useUploaderState } from "./useUploaderState.js";
import { useWarnBeforeUnload } from "./useWarnBeforeUnload.js";

/**
 * Props of {@link UploadQueueRoot}: every core `UploaderOptions` field (`site` and `token` may
 * come from `UploadProvider`), or an `uploader` you created, plus `<div>` props.
 */
export interface UploadQueueRootProps
  extends Partial<UploaderOptions>, Omit<ComponentPropsWithoutRef<"div">, keyof UploaderOptions> {
  /** Use this uploader instead of creating one from the options. Default: none (one is created). */
  uploader?: Uploader;
  /**
   * Strings, merged over the provider's labels (English for every key no provider gives): a
   * locale such as `danishLabels`, a few keys of your own, or both
   * (`{ ...danishLabels, retry: "Igen" }`). Default: the provider's labels, else English.
   */
  labels?: Partial<UploadLabels>;
  /** Allow choosing several files. Default: `true`. */
  multiple?: boolean;
  /** The picker chooses a folder. Default: `false`. */
  directory?: boolean;
  /**
   * Accept pasted files while focus is inside the queue (`"root"`), anywhere, or not.
   * Default: `"root"`.
   */
  paste?: "root" | "document" | false;
  /** Disables adding files. Default: `false`. */
  disabled?: boolean;
  /**
   * While uploads are in flight, ask the browser to confirm leaving or reloading the page (they
   * would be lost). The `beforeunload` listener is registered only while the queue is busy.
   * Default: `true`.
   */
  warnBeforeUnload?: boolean;
}

/**
 * The queue's root: owns the uploader, a hidden file input and the paste listener, and shares
 * them with the parts inside. Files dropped anywhere on it (a row, the summary) are added as
 * through the drop zone, so that a drop just outside the zone never makes the browser open the
 * file and leave the page; while uploads run, leaving the page asks first (`warnBeforeUnload`).
 *
 * @selector [data-twentythree-upload="queue"]
 * @selector [data-state="idle"|"busy"] — busy while anything is queued, uploading or retrying.
 * @selector [data-disabled]
 */
export const UploadQueueRoot = forwardRef<HTMLDivElement, UploadQueueRootProps>(
  function UploadQueueRoot(props, forwardedRef) {
    const [options, rest] = splitUploaderOptions(props);
    const {
      uploader: given,
      labels: overrides,
      multiple = true,
      directory = false,
      paste = "root",
      disabled = false,
      warnBeforeUnload = true,
      children,
      ...divProps
    } = rest;
    const rootRef = useRef<HTMLDivElement | null>(null);
    // Hidden by <Activity>, the queue's uploads go on (see useUploader).
    const uploader = useUploader(given ?? options, rootRef);
    const labels = useComponentLabels(englishQueueLabels, overrides);
    useFormattingWarmUp(labels.locale);
    const isBusy = useUploaderState(uploader, (snapshot) => snapshot.isBusy);
    useWarnBeforeUnload(warnBeforeUnload && isBusy);
    const ref = useMemo(() => mergeRefs(rootRef, forwardedRef), [forwardedRef]);

    const addFiles = useCallback((files: File[]) => void uploader.add(files), [uploader]);
    // Unreadable drop entries cannot be items (the engine takes Blobs); they are kept here and
    // shown by UploadQueue.DropErrors, so that no dropped file disappears without a word.
    const [unreadable, setUnreadable] = useState<readonly UnreadableEntry[]>([]);
    const reportUnreadable = useCallback(
      (entries: UnreadableEntry[]) => setUnreadable((previous) => [...previous, ...entries]),
      [],
    );
    const accept = options.accept;
    const picker = useFilePicker({
      onFiles: addFiles,
      multiple,
      directory,
      disabled,
      ...(accept ? { accept } : {}),
    });
    // Drops on the rest of the root; the drop zone's own handler prevents the default first.
    const { dropZoneProps: spill } = useDropZone({
      onFiles: addFiles,
      onUnreadable: reportUnreadable,
      disabled,
    });
    usePaste({
      onFiles: addFiles,
      target: paste === "root" ? rootRef : "document",
      disabled: disabled || paste === false,
    });

    const context = useMemo<UploadQueueContextValue>(
      () => ({
        uploader,
        labels,
        openPicker: picker.open,
        addFiles,
        unreadable,
        reportUnreadable,
        disabled,
      }),
      [uploader, labels, picker.open, addFiles, unreadable, reportUnreadable, disabled],
    );
    return (
      <UploadQueueContext.Provider value={context}>
        <div
          data-twentythree-upload="queue"
          data-state={isBusy ? "busy" : "idle"}
          data-disabled={disabled ? "" : undefined}
          {...divProps}
          onDragEnter={composeHandlers(divProps.onDragEnter, spill.onDragEnter)}
          onDragOver={composeHandlers(divProps.onDragOver, spill.onDragOver)}
          onDragLeave={composeHandlers(divProps.onDragLeave, spill.onDragLeave)}
          onDrop={composeHandlers(divProps.onDrop, spill.onDrop)}
          ref={ref}
        >
          <input {...picker.inputProps} data-part="file-input" aria-label={labels.chooseFiles} />
          {children}
        </div>
      </UploadQueueContext.Provider>
    );
  },
);
