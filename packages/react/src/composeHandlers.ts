/**
 * @internal Runs the user's handler first, then ours unless the user called `preventDefault()`
 * (the Radix convention), so parts accept their element's usual event props.
 */
export function composeHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) {
      ours(event);
    }
  };
}
