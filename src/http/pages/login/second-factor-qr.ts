/**
 * The QR code of the enrolment, drawn on the server as SVG (uqr) and given to the page as a
 * data: URL of an <img>: the CSP allows images from data: and no inline markup is built here.
 */
import { renderSVG } from 'uqr';

export function qrCodeDataUrl(uri: string): string {
  const svg = renderSVG(uri, { ecc: 'M', border: 2, pixelSize: 6 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
