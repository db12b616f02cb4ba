// Saving a chart as SVG or PNG: the SVG is serialised with the page's colours resolved (CSS
// variables do not travel with the file); PNG draws that SVG, or copies a canvas, at 2×.

function save(name: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
}

/** The SVG's markup with computed colours inlined, as a standalone file. */
export function svgMarkup(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((el, k) => {
    const style = getComputedStyle(el);
    const out = target[k] as SVGElement | undefined;
    if (!out) return;
    for (const prop of [
      'fill',
      'stroke',
      'stroke-width',
      'stroke-dasharray',
      'font-size',
      'font-family',
      'opacity',
    ]) {
      const value = style.getPropertyValue(prop);
      if (value) out.style.setProperty(prop, value);
    }
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const bg = getComputedStyle(document.body).backgroundColor;
  clone.style.setProperty('background', bg);
  return new XMLSerializer().serializeToString(clone);
}

export function exportSvg(svg: SVGSVGElement, name: string): void {
  const url = URL.createObjectURL(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
  save(`${name}.svg`, url);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportPng(el: SVGSVGElement | HTMLCanvasElement, name: string): void {
  if (el instanceof HTMLCanvasElement) {
    save(`${name}.png`, el.toDataURL('image/png'));
    return;
  }
  const { width, height } = el.getBoundingClientRect();
  const url = URL.createObjectURL(new Blob([svgMarkup(el)], { type: 'image/svg+xml' }));
  const img = new Image();
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * 2);
    canvas.height = Math.round(height * 2);
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      save(`${name}.png`, canvas.toDataURL('image/png'));
    }
    URL.revokeObjectURL(url);
  };
  img.src = url;
}
