import { useId, useState } from "react";
import type { UploadFormLabels } from "./englishFormLabels.js";
import type { EditableMeta } from "./useMetadataSync.js";

/** @internal The optional title and description fields of `<UploadForm>`. */
export function UploadFormMetaFields(props: {
  labels: UploadFormLabels;
  initial: EditableMeta;
  titleField: boolean;
  descriptionField: boolean;
  onEdit: (meta: EditableMeta) => void;
  /** The fields' `form` attribute (set when the form is nested in another one). */
  form: string | undefined;
}) {
  const { labels, titleField, descriptionField, onEdit, form } = props;
  const id = useId();
  const [meta, setMeta] = useState(props.initial);
  const edit = (next: EditableMeta) => {
    setMeta(next);
    onEdit(next);
  };
  // Named fields: without JavaScript TwentyThree repeats them in the callback to return_url,
  // so the app still receives what the user typed.
  return (
    <>
      {titleField ? (
        <div data-part="field">
          <label htmlFor={`${id}-title`}>{labels.formTitle}</label>
          <input
            id={`${id}-title`}
            data-part="title"
            name="title"
            form={form}
            value={meta.title}
            onChange={(event) => edit({ ...meta, title: event.target.value })}
          />
        </div>
      ) : null}
      {descriptionField ? (
        <div data-part="field">
          <label htmlFor={`${id}-description`}>{labels.formDescription}</label>
          <textarea
            id={`${id}-description`}
            data-part="description"
            name="description"
            form={form}
            value={meta.description}
            onChange={(event) => edit({ ...meta, description: event.target.value })}
          />
        </div>
      ) : null}
    </>
  );
}
