import PDFDocument from 'pdfkit';
import { FieldSpec, FormSpec } from '@awardflow/rules';

export interface FormPdfFont {
  /** A .ttf/.otf file or a .ttc/.otc collection. */
  path: string;
  /** The face within a collection; ignored for a single font. */
  face: string;
}

/** What the 申报书 prints: the facts as the reader may see them (redacted before they get here). */
export interface ApplicationFormFacts {
  awardName: string;
  year: number;
  cycleTitle: string;
  officeName: string;
  receiptNumber: string | null;
  stateLabel: string;
  /** Beijing date (YYYY-MM-DD) of submission, if submitted. */
  submittedOn: string | null;
  /** Absent for a reader who may not learn who applied. */
  applicant?: {
    name: string;
    uscc: string;
    address?: string;
    legalRepresentative?: string;
    contact?: { name?: string; phone?: string; email?: string };
  };
  /** The family's form declaration and the form's values (masked for a blind reader). */
  spec: FormSpec;
  form: Record<string, unknown>;
  /** Each required or optional document with the materials uploaded under it. */
  materials: Array<{ label: string; optional: boolean; files: Array<{ n: number; name: string; size: number }> }>;
}

const INK = '#1f1f1f';
const GREY = '#595959';
const RULE = '#8c8c8c';
const MARGIN = 56;

/**
 * The declaration every applicant signs and seals (申报单位承诺). Its wording follows the
 * 承诺书 of the 重庆市市长质量管理奖 申报表 (渝市监发〔2020〕 申报材料) and the 区长质量管理奖 notices built on it.
 */
export const DECLARATION = [
  '本单位自愿申报，并郑重承诺：',
  '一、本申报书及所附申报材料内容真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏；',
  '二、本单位近三年未发生重大质量、安全、环境、卫生事故，无违法违规行为和不良信用记录；',
  '三、本单位遵守评审工作纪律，不以任何方式干扰评审工作；',
  '四、如有不实，本单位愿承担由此产生的一切后果，并接受取消申报资格或撤销奖项的处理。',
];

function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function display(value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return '（未填写）';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * The 申报书 as a printable A4 PDF: the applicant, every section of the family's form with its
 * Chinese labels, the materials list and the signed and sealed declaration. Drawn with pdfkit and
 * the CJK font the certificates use; the same facts give the same bytes (fixed document dates).
 */
export async function renderApplicationFormPdf(facts: ApplicationFormFacts, font: FormPdfFont): Promise<Buffer> {
  const stamp = new Date(`${facts.submittedOn ?? '2000-01-01'}T00:00:00+08:00`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${facts.year}年度${facts.awardName}申报书`, Author: facts.officeName, Subject: facts.cycleTitle, CreationDate: stamp, ModDate: stamp },
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

  const heading = (title: string) => {
    doc.moveDown(0.8);
    doc.fillColor(INK).fontSize(14).text(title, MARGIN, doc.y, { width });
    doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + width, doc.y + 2).lineWidth(0.6).strokeColor(RULE).stroke();
    doc.moveDown(0.5);
  };
  const line = (label: string, value: string, indent = 0) => {
    doc.fontSize(10.5).fillColor(GREY).text(`${label}：`, MARGIN + indent, doc.y, { continued: true, width: width - indent });
    doc.fillColor(INK).text(value, { lineGap: 2 });
  };
  const paragraph = (label: string, value: string, indent = 0) => {
    doc.fontSize(11).fillColor(INK).text(label, MARGIN + indent, doc.y, { width: width - indent });
    doc.fontSize(10.5).fillColor(INK).text(value, MARGIN + indent, doc.y + 2, { width: width - indent, lineGap: 3, paragraphGap: 4 });
    doc.moveDown(0.4);
  };

  // Cover block.
  doc.fillColor(INK).fontSize(22).text(`${facts.year}年度${facts.awardName}`, MARGIN, 96, { width, align: 'center' });
  doc.fontSize(26).text('申 报 书', { width, align: 'center', characterSpacing: 6 });
  doc.moveDown(1.2);
  doc.fontSize(11).fillColor(GREY).text(facts.cycleTitle, { width, align: 'center' });
  doc.text(`受理机关：${facts.officeName}`, { width, align: 'center' });
  doc.moveDown(1);
  doc.fillColor(INK);
  line('受理编号', facts.receiptNumber ?? '（提交后生成）');
  line('申报状态', facts.stateLabel);
  line('提交日期', facts.submittedOn ? chineseDay(facts.submittedOn) : '（尚未提交）');

  heading('一、申报单位基本信息');
  if (facts.applicant) {
    const a = facts.applicant;
    line('单位名称', a.name);
    line('统一社会信用代码', a.uscc);
    line('通讯地址', display(a.address));
    line('法定代表人', display(a.legalRepresentative));
    line('联系人', display(a.contact?.name));
    line('联系电话', display(a.contact?.phone));
    line('电子邮箱', display(a.contact?.email));
  } else {
    doc.fontSize(10.5).fillColor(GREY).text('本届匿名评审：申报单位信息已隐去。', MARGIN, doc.y, { width });
  }

  heading('二、申报内容');
  const walk = (spec: FormSpec, values: Record<string, unknown>, indent: number) => {
    for (const field of spec) printField(field, values[field.key], indent);
  };
  const printField = (field: FieldSpec, value: unknown, indent: number) => {
    if (field.kind === 'section') {
      const record = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
      doc.moveDown(0.3);
      doc.fontSize(12).fillColor(INK).text(`${field.label}${record ? '' : '（未填写）'}`, MARGIN + indent, doc.y, { width: width - indent });
      doc.moveDown(0.2);
      if (record) walk(field.of, record, indent + 12);
    } else if (field.kind === 'rows') {
      const items = Array.isArray(value) ? value : [];
      doc.fontSize(11).fillColor(INK).text(`${field.label}${items.length ? `（共 ${items.length} 项）` : '：（未填写）'}`, MARGIN + indent, doc.y, { width: width - indent });
      items.forEach((row, i) => {
        const record = row && typeof row === 'object' ? (row as Record<string, unknown>) : {};
        const text = field.of.map((f) => `${f.label}：${display(record[f.key])}`).join('；');
        doc.fontSize(10.5).fillColor(INK).text(`${i + 1}. ${text}`, MARGIN + indent + 12, doc.y, { width: width - indent - 12, lineGap: 2 });
      });
      doc.moveDown(0.3);
    } else if (field.kind === 'text' && (field.max === undefined || field.max > 500)) {
      // A narrative: its label on a line of its own, the text below, with its length (字数).
      const text = display(value);
      const count = typeof value === 'string' ? [...value].length : 0;
      paragraph(`${field.label}${count ? `（${count} 字）` : ''}`, text, indent);
    } else {
      line(field.label, field.kind === 'day' && typeof value === 'string' ? chineseDay(value) : display(value), indent);
    }
  };
  walk(facts.spec, facts.form, 0);

  heading('三、申报材料清单');
  let n = 0;
  for (const doc_ of facts.materials) {
    n += 1;
    const status = doc_.files.length ? `已上传 ${doc_.files.length} 份` : doc_.optional ? '未上传（选交）' : '未上传';
    line(`${n}. ${doc_.label}${doc_.optional ? '（选交）' : ''}`, status);
    for (const f of doc_.files) doc.fontSize(9.5).fillColor(GREY).text(`附件${f.n}　${f.name}（${fileSize(f.size)}）`, MARGIN + 24, doc.y, { width: width - 24 });
  }

  // The declaration on a page of its own, so it can be signed and sealed apart from the text.
  doc.addPage();
  doc.fillColor(INK).fontSize(16).text('四、申报单位承诺', MARGIN, MARGIN, { width, align: 'center' });
  doc.moveDown(1);
  for (const [i, sentence] of DECLARATION.entries()) {
    doc.fontSize(12).text(i === 0 ? sentence : `　　${sentence}`, MARGIN, doc.y, { width, lineGap: 6 });
    doc.moveDown(0.3);
  }
  const top = doc.y + 48;
  const right = MARGIN + width / 2;
  doc.fontSize(12).text(`申报单位（公章）：${facts.applicant?.name ?? ''}`, right - 40, top, { width: width / 2 + 40 });
  // The place for the seal: a dashed circle, as offices expect on a printed 申报书.
  doc.save().circle(right + 140, top + 70, 52).dash(4, { space: 3 }).lineWidth(0.8).strokeColor(RULE).stroke().restore();
  doc.fillColor(GREY).fontSize(9).text('（盖章处）', right + 112, top + 66, { width: 80 });
  doc.fillColor(INK).fontSize(12).text('法定代表人（签字）：', right - 40, top + 140, { width: width / 2 + 40 });
  doc.text('日期：　　　　年　　月　　日', right - 40, top + 172, { width: width / 2 + 40 });

  // Page numbers, now that the count is known.
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

/** 2026年3月1日 from YYYY-MM-DD (anything else as it is). */
export function chineseDay(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : value;
}
