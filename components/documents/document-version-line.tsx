import { formatDate } from "@/lib/format/dates";
import { DOCUMENT_TYPES } from "@/lib/validation/document-files";

export interface VersionLineProps {
  id: string;
  version: number;
  fileName: string;
  mediaType: string;
  size: number;
  note: string;
  uploadedAt: Date;
  uploadedBy: string | null;
}

const TYPE_NAMES = new Map(Object.values(DOCUMENT_TYPES).map((type) => [type.mediaType as string, type.extension.toUpperCase()]));

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** One uploaded version: a link to download it, what it is, who uploaded it and when. */
export function DocumentVersionLine({ version, label }: { version: VersionLineProps; label: string }) {
  return (
    <>
      <a href={`/dashboard/documents/${version.id}`} className="break-code font-semibold">
        {label}
        <span className="sr-only"> ({version.fileName})</span>
      </a>{" "}
      <span className="text-muted">
        <span aria-hidden="true">{version.fileName}, </span>
        {TYPE_NAMES.get(version.mediaType) ?? "file"}, {sizeText(version.size)}; uploaded {version.uploadedBy ? `by ${version.uploadedBy} ` : ""}on {formatDate(version.uploadedAt)}
      </span>
      {version.note ? <span className="block text-sm">“{version.note}”</span> : null}
    </>
  );
}
