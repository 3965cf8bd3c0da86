import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { CertificateFacts } from './certificate-facts';

export interface CertificateFont {
  /** A .ttf/.otf file or a .ttc/.otc collection. */
  path: string;
  /** The face within a collection (NotoSerifCJKsc-Regular); ignored for a single font. */
  face: string;
}

/** Changes whenever the layout does: part of what a stored PDF was made from, so a new layout reprints. */
export const CERTIFICATE_LAYOUT_VERSION = 1;

const RED = '#a4161a';
const INK = '#1f1f1f';
const GREY = '#595959';

/** 2026年3月1日, from YYYY-MM-DD or an instant (its Beijing date). */
export function chineseDate(value: string | Date): string {
  const iso = typeof value === 'string' ? value : new Date(value.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The printable certificate: landscape A4, the award, edition, organisation, tier, number, the
 * 表彰决定 when recorded, the issue date and a QR code to the public verification page. The same
 * facts give the same bytes (the document's dates are the issue date), so printing twice stores one file.
 */
export async function renderCertificatePdf(facts: CertificateFacts, verifyUrl: string, font: CertificateFont): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: { Title: `${facts.awardName}证书 ${facts.number}`, Author: facts.officeName, Subject: `${facts.year}年度${facts.awardName}`, CreationDate: facts.issuedAt, ModDate: facts.issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('cjk', font.path, /\.(ttc|otc)$/i.test(font.path) ? font.face : undefined);
  const { width, height } = doc.page;

  // Frame: a thick outer border and a thin inner one.
  doc.lineWidth(6).strokeColor(RED).rect(24, 24, width - 48, height - 48).stroke();
  doc.lineWidth(1.2).rect(38, 38, width - 76, height - 76).stroke();

  // A selection for the body above is certified as such, never as the award (outcomeWording).
  const nomination = facts.wording.kind === 'nomination';
  doc.font('cjk').fillColor(RED).fontSize(44).text(nomination ? '入 选 证 书' : '荣 誉 证 书', 0, 78, { width, align: 'center', characterSpacing: 4 });
  doc.fillColor(GREY).fontSize(13).text(`${facts.year}年度${facts.awardName}`, 0, 140, { width, align: 'center' });

  const left = 110;
  const textWidth = width - 2 * left;
  doc.fillColor(INK).fontSize(22).text(`${facts.organizationName}：`, left, 196, { width: textWidth });
  const honour = nomination
    ? `经评审、公示和审定，贵单位入选${facts.wording.local}。`
    : facts.tierLabel === '认定'
      ? `经评审、公示和审定，贵单位${facts.wording.local}。`
      : facts.tierLabel === '获奖'
        ? `经评审、公示和审定，贵单位荣获${facts.year}年度${facts.awardName}。`
        : `经评审、公示和审定，贵单位荣获${facts.year}年度${facts.awardName}${facts.tierLabel}。`;
  doc.fontSize(18).text(`　　${honour}${nomination ? '特发此证。' : '特发此证，以资鼓励。'}`, left, 246, { width: textWidth, lineGap: 8 });

  // The facts a verifier checks, bottom left of the text block.
  const factsTop = 326;
  doc.fontSize(12).fillColor(INK);
  const lines = [`证书编号：${facts.number}`, `奖　　项：${facts.awardName}（${facts.tierLabel}）`];
  if (facts.subjectName) lines.push(`项目产品：${facts.subjectName}`);
  if (facts.documentNumber) lines.push(`表彰决定：${facts.documentNumber}（${chineseDate(facts.decidedOn!)}）`);
  lines.push(`发证日期：${chineseDate(facts.issuedAt)}`);
  if (facts.validFrom && facts.validUntil) lines.push(`有 效 期：${chineseDate(facts.validFrom)}至${chineseDate(facts.validUntil)}`);
  lines.forEach((line, i) => doc.text(line, left, factsTop + i * 21, { width: 380 }));

  // Issuer and date, bottom right.
  doc.fontSize(16).text(facts.officeName, width - 110 - 320, 430, { width: 320, align: 'right' });
  doc.fontSize(13).text(chineseDate(facts.decidedOn ?? facts.issuedAt), width - 110 - 320, 458, { width: 320, align: 'right' });

  // The QR code to the verification page, bottom left.
  const qr = QRCode.create(verifyUrl, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const box = 92;
  const cell = box / size;
  const qrLeft = left;
  const qrTop = height - 58 - box - 22;
  doc.fillColor('#000000');
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (qr.modules.get(row, col)) doc.rect(qrLeft + col * cell, qrTop + row * cell, cell + 0.01, cell + 0.01);
    }
  }
  doc.fill();
  doc.fillColor(GREY).fontSize(9).text('扫码核验证书真伪', qrLeft + box + 12, qrTop + box - 30, { width: 260 });
  doc.fontSize(7).text(verifyUrl, qrLeft + box + 12, qrTop + box - 14, { width: 300 });

  doc.end();
  return done;
}
