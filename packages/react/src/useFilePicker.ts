import { useCallback, useRef, type ChangeEvent, type RefObject } from "react";
import { useLatest } from "./useLatest.js";

/** Options of {@link useFilePicker}. */
export interface UseFilePickerOptions {
  /** Called with the chosen files (never with an empty list). */
  onFiles: (files: File[]) => void;
  /**
   * The input's `accept`: MIME types, wildcards and extensions (a list is joined with commas).
   * Only a hint to the browser's dialog (users can still choose other files): refuse files with
   * the uploader's own `accept`.
   * Default: any.
   */
  accept?: string | readonly string[];
  /** Allow several files. Default: `true`. */
  multiple?: boolean;
  /** Choose a folder instead of files (`webkitdirectory`; implies `multiple`). Default: `false`. */
  directory?: boolean;
  /** Disables the input and the trigger; `open()` then does nothing. Default: `false`. */
  disabled?: boolean;
}

/**
 * Props for the hidden `<input type="file">`. Spread all of them on an `<input>` that stays
 * rendered: `open()` finds the input through `ref` and does nothing without it, and files
 * chosen in the dialog arrive only through `onChange`.
 */
export interface FilePickerInputProps {
  /** Lets `open()` reach the input. */
  ref: RefObject<HTMLInputElement | null>;
  /** `"file"`. */
  type: "file";
  /** The input is never shown (the `hidden` attribute, not an inline style, for strict CSP). */
  hidden: true;
  /** Out of the tab order: the trigger or drop zone is what users focus. */
  tabIndex: -1;
  /** The `accept` option as one comma-separated string; `undefined` for any type. */
  accept: string | undefined;
  /** The `multiple` option, or `true` in directory mode. */
  multiple: boolean;
  /** The `disabled` option. */
  disabled: boolean;
  /**
   * The input's `change` handler: calls `onFiles` with the chosen files when there are any (a
   * dialog closed without a choice reports nothing).
   */
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  /** Present (as an empty string) in directory mode. */
  webkitdirectory?: string;
}

/**
 * Props for the button that opens the picker. Spread them on a `<button>`; to run code of your
 * own on click, call the `onClick` given here from your handler rather than replacing it.
 */
export interface FilePickerTriggerProps {
  /** `"button"`, so that the trigger never submits a surrounding form. */
  type: "button";
  /** The `disabled` option. */
  disabled: boolean;
  /**
   * The button's `click` handler: the same function as `open`. It clears the input's value
   * first (so that choosing the same file again is reported again) and clicks the input, which
   * opens the browser's file dialog; browsers open it only during a user action such as this
   * click. Does nothing while disabled or before the input is rendered.
   */
  onClick: () => void;
}

/** What {@link useFilePicker} returns. */
export interface FilePickerResult {
  /** Spread them on the hidden `<input>` (see {@link FilePickerInputProps}). */
  inputProps: FilePickerInputProps;
  /** Spread them on the `<button>` that opens the picker (see {@link FilePickerTriggerProps}). */
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
