// Loaded only when a material is opened inline (dynamic import from PdfPane): pdf.js is far too large
// for the first page. The worker is its own asset, fetched from this origin (CSP worker-src falls
// back to script-src 'self').
import { getDocument, GlobalWorkerOptions, TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import './pdfRender.css';

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy };

/**
 * Opens a PDF from its bytes. isEvalSupported false: pdf.js would otherwise compile fonts with
 * `new Function`, which the CSP (script-src 'self', no 'unsafe-eval') refuses.
 */
export function openPdf(data: ArrayBuffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
}

/**
 * Draws page `n` into `host` at `width` CSS pixels: a canvas for the picture and pdf.js's text layer
 * above it, so the text can be selected and searched with the browser's find.
 */
export async function renderPage(doc: PDFDocumentProxy, n: number, host: HTMLElement, width: number): Promise<void> {
  const page = await doc.getPage(n);
  const unscaled = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: width / unscaled.width });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  const text = document.createElement('div');
  text.className = 'textLayer';
  host.replaceChildren(canvas, text);
  host.style.setProperty('--total-scale-factor', String(viewport.scale));
  host.style.width = `${Math.floor(viewport.width)}px`;
  host.style.height = `${Math.floor(viewport.height)}px`;
  await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
  await new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
}
