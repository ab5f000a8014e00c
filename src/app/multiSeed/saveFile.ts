/**
 * Offers a Blob to the user as a download (an `<a download>` clicked programmatically; the object URL is
 * revoked a minute later, when the browser has long taken the file).
 */

/** Saves `data` as `name` through the browser's download. */
export function saveFile(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The canvas as a PNG, drawn by `render` just before (a WebGL canvas keeps its pixels only until then). */
export function canvasPng(canvas: HTMLCanvasElement, render: () => void): Promise<Blob> {
  return new Promise((resolve, reject) => {
    render();
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded as PNG'))),
      'image/png',
    );
  });
}
