/** Saves a model as a .rnnw file (the format of lib/engine/WEIGHTS.md) through a temporary download link. */
export function saveFile(bytes: Uint8Array, name: string) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/octet-stream" }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
