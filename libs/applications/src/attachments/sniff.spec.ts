import { describe, expect, it } from '@jest/globals';
import { sampleDocx, sampleExe, samplePdf, sampleXlsx, sampleZip } from '../testing/material-fixtures';
import { sniffMaterial } from './sniff';

describe('sniffMaterial', () => {
  it('recognises the five allowed kinds by their bytes', () => {
    expect(sniffMaterial(samplePdf()).kind).toBe('pdf');
    expect(sniffMaterial(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])).kind).toBe('png');
    expect(sniffMaterial(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])).kind).toBe('jpg');
    expect(sniffMaterial(sampleDocx()).kind).toBe('docx');
    expect(sniffMaterial(sampleXlsx()).kind).toBe('xlsx');
  });

  it('refuses an executable, a plain ZIP and text, saying what they look like', () => {
    expect(sniffMaterial(sampleExe())).toEqual({ kind: null, detected: 'Windows 可执行程序' });
    expect(sniffMaterial(sampleZip([{ name: 'notes.txt', data: 'hi' }]))).toEqual({ kind: null, detected: 'ZIP 压缩包' });
    expect(sniffMaterial(Buffer.from('just text'))).toEqual({ kind: null, detected: '无法识别的内容' });
  });
});
