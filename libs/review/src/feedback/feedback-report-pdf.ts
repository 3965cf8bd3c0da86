import PDFDocument from 'pdfkit';
import type { FeedbackReportDto } from './feedback-report.dto';

export interface ReportPdfFont {
  /** A .ttf/.otf file or a .ttc/.otc collection. */
  path: string;
  /** The face within a collection; ignored for a single font. */
  face: string;
}

const INK = '#1f1f1f';
const GREY = '#595959';
const RULE = '#8c8c8c';
const MARGIN = 56;

/**
 * The 反馈报告 as an A4 PDF: per rubric category the experts' 优势 and 改进机会 and the category's
 * score rate. Drawn with pdfkit and the CJK font the certificates and the 申报书 use. Nothing on
 * it names an expert: the report is made from texts that never carried who wrote them.
 */
export async function renderFeedbackReportPdf(report: FeedbackReportDto, font: ReportPdfFont): Promise<Buffer> {
  const stamp = report.releasedAt ? new Date(report.releasedAt) : new Date('2000-01-01T00:00:00+08:00');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${report.year}年度${report.awardName}反馈报告`, Subject: report.cycleTitle, CreationDate: stamp, ModDate: stamp },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, /\.(ttc|otc)$/i.test(font.path) ? font.face : undefined);
  doc.font('cjk');
  const width = doc.page.width - 2 * MARGIN;

  doc.fillColor(INK).fontSize(20).text(`${report.year}年度${report.awardName}`, MARGIN, 90, { width, align: 'center' });
  doc.fontSize(24).text('评 审 反 馈 报 告', { width, align: 'center', characterSpacing: 4 });
  doc.moveDown(1);
  doc.fontSize(11).fillColor(GREY).text(report.cycleTitle, { width, align: 'center' });
  doc.moveDown(1);
  const line = (label: string, value: string) => {
    doc.fontSize(10.5).fillColor(GREY).text(`${label}：`, MARGIN, doc.y, { continued: true, width });
    doc.fillColor(INK).text(value, { lineGap: 2 });
  };
  line('申报单位', report.organizationName);
  line('受理编号', report.receiptNumber ?? '—');
  line('评审专家', `${report.expertCount} 位（意见汇总，不署姓名）`);
  if (report.totalPercent !== null) line('总体得分率', `${report.totalPercent}%`);
  doc.moveDown(0.5);
  doc.fontSize(9.5).fillColor(GREY).text('本报告依据 GB/T 19580《卓越绩效评价准则》的评分类目，汇总评审专家对各类目的优势和改进机会，供申报单位持续改进参考。', MARGIN, doc.y, { width, lineGap: 2 });

  const list = (title: string, texts: string[]) => {
    doc.fontSize(11).fillColor(INK).text(title, MARGIN + 8, doc.y, { width: width - 8 });
    if (!texts.length) doc.fontSize(10.5).fillColor(GREY).text('（专家未填写）', MARGIN + 20, doc.y, { width: width - 20 });
    texts.forEach((t, i) => doc.fontSize(10.5).fillColor(INK).text(`${i + 1}. ${t}`, MARGIN + 20, doc.y + 1, { width: width - 20, lineGap: 3 }));
    doc.moveDown(0.4);
  };
  for (const c of report.categories) {
    doc.moveDown(0.8);
    const rate = c.scorePercent === null ? '' : `（得分率 ${c.scorePercent}%）`;
    doc.fillColor(INK).fontSize(13).text(`${c.code} ${c.label}${rate}`, MARGIN, doc.y, { width });
    doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + width, doc.y + 2).lineWidth(0.6).strokeColor(RULE).stroke();
    doc.moveDown(0.4);
    list('优势', c.strengths);
    list('改进机会', c.opportunities);
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Inside the bottom margin: without this pdfkit would start a new page for the footer.
    doc.page.margins.bottom = 0;
    doc.fillColor(GREY).fontSize(9).text(`第 ${i + 1} 页 / 共 ${range.count} 页`, MARGIN, doc.page.height - MARGIN + 20, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
