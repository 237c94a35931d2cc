import { useCallback, useRef, type ChangeEvent, type RefObject } from "react";
import { useLatest } from "./useLatest.js";

/** Options of {@link useFilePicker}. */
export interface UseFilePickerOptions {
  /** Called with the chosen files (never with an empty list). */
  onFiles: (files: File[]) => void;
  /** The input's `accept`: MIME types, wildcards and extensions. Default: any. */
  accept?: string | readonly string[];
  /** Allow several files. Default `true`. */
  multiple?: boolean;
  /** Choose a folder instead of files (`webkitdirectory`). Default `false`. */
  directory?: boolean;
  /** Default `false`. */
  disabled?: boolean;
}

/** Props for the hidden `<input type="file">`. Spread them on an `<input>`. */
export interface FilePickerInputProps {
  ref: RefObject<HTMLInputElement | null>;
  type: "file";
  hidden: true;
  tabIndex: -1;
  accept: string | undefined;
  multiple: boolean;
  disabled: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  /** Present (as an empty string) in directory mode. */
  webkitdirectory?: string;
}

/** Props for the button that opens the picker. Spread them on a `<button>`. */
export interface FilePickerTriggerProps {
  type: "button";
  disabled: boolean;
  onClick: () => void;
}

/** What {@link useFilePicker} returns. */
export interface FilePickerResult {
  inputProps: FilePickerInputProps;
  triggerProps: FilePickerTriggerProps;
  /** Opens the browser's file dialog. */
  open: () => void;
}

/**
 * A file picker for custom UIs: a hidden file input (the `hidden` attribute, no inline style)
 * plus a trigger. The input's value is cleared before opening so that choosing the same file
 * again still reports it.
 */
export function useFilePicker(options: UseFilePickerOptions): FilePickerResult {
  const { accept, multiple = true, directory = false, disabled = false } = options;
  const inputRef = useRef<HTMLInputElement | null>(null);
  const onFiles = useLatest(options.onFiles);

  const open = useCallback(() => {
    const input = inputRef.current;
    if (!input || disabled) {
      return;
    }
    input.value = "";
    input.click();
  }, [disabled]);

  const onChange = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      const files = Array.from(event.currentTarget.files ?? []);
      if (files.length > 0) {
        onFiles.current(files);
      }
    },
    [onFiles],
  );

  return {
    inputProps: {
      ref: inputRef,
      type: "file",
      hidden: true,
      tabIndex: -1,
      accept: typeof accept === "string" ? accept : accept?.join(","),
      multiple: multiple || directory,
      disabled,
      onChange,
      ...(directory ? { webkitdirectory: "" } : {}),
    },
    triggerProps: { type: "button", disabled, onClick: open },
    open,
  };
}
