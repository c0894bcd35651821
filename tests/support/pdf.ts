
/** Reading PDFs back in tests: text with pdf.js, pixels with pdf.js on a Skia canvas. */
async function open(pdf: Buffer) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
}

export async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await open(pdf);
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    parts.push(content.items.map((it: any) => ("str" in it ? it.str + (it.hasEOL ? "\n" : "") : "")).join(""));
  }
  return { pages: doc.numPages, text: parts.join("\n") };
}

/** The images drawn on a page, decoded to RGBA pixels (for reading a QR code back). */
export async function pageImages(pdf: Buffer, pageNo = 1): Promise<{ data: Uint8ClampedArray; width: number; height: number }[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await open(pdf);
  const page = await doc.getPage(pageNo);
  const ops = await page.getOperatorList();
  const out: { data: Uint8ClampedArray; width: number; height: number }[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== pdfjs.OPS.paintImageXObject) continue;
    const name = ops.argsArray[i][0];
    const img: any = await new Promise((resolve) => page.objs.get(name, resolve));
    if (!img?.data && !img?.bitmap) continue;
    const { width, height } = img;
    const src: Uint8ClampedArray = img.data;
    const rgba = new Uint8ClampedArray(width * height * 4);
    // pdf.js image kinds: 2 = RGB, 3 = RGBA (what PDFKit embeds for a PNG).
    if (img.kind !== 2 && img.kind !== 3) continue;
    for (let p = 0; p < width * height; p++) {
      if (img.kind === 3) rgba.set(src.subarray(p * 4, p * 4 + 4), p * 4);
      else rgba.set([src[p * 3], src[p * 3 + 1], src[p * 3 + 2], 255], p * 4);
    }
    out.push({ data: rgba, width, height });
  }
  return out;
}
