// FilePond's React adapter, the FilePond core it wraps, and its CSS.
import "filepond/dist/filepond.min.css";

export { FilePond, registerPlugin } from "react-filepond";
