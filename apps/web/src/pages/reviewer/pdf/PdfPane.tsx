import { useEffect, useRef, useState } from 'react';
import { Alert, Space, Spin, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { fetchBytes } from '../../../api/client';
import { errorText } from '../../../api/errors';

export interface PaneMaterial {
  n: number;
  name: string;
  mediaType: string;
  url: string;
}

/** Pages drawn at most: a longer document is read to there, then downloaded. */
const MAX_PAGES = 60;

export const isPdf = (m: Pick<PaneMaterial, 'mediaType' | 'name'>) => m.mediaType === 'application/pdf' || /\.pdf$/i.test(m.name);

/**
 * One material read inline with pdf.js, page under page, beside the score sheet, so an expert
 * scores without downloading. pdf.js is imported only here, when a PDF is opened; if it cannot
 * show the file, the download link below is the way to read it.
 */
export function PdfPane({ material, onDownload }: { material: PaneMaterial; onDownload: () => void }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ loading: boolean; pages?: number; error?: string }>({ loading: true });

  useEffect(() => {
    const controller = new AbortController();
    let cancelled = false;
    const target = host.current;
    if (!target) return;
    target.replaceChildren();
    setState({ loading: true });
    void (async () => {
      try {
        const [{ openPdf, renderPage }, bytes] = await Promise.all([import('./pdfRender'), fetchBytes(material.url, controller.signal)]);
        const doc = await openPdf(bytes);
        if (cancelled) return void doc.destroy();
        setState({ loading: false, pages: doc.numPages });
        const width = Math.max(240, target.clientWidth - 4);
        for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && !cancelled; n++) {
          const page = document.createElement('div');
          page.className = 'pdf-page';
          page.dataset.testid = `pdf-page-${n}`;
          page.setAttribute('aria-label', `第 ${n} 页`);
          target.append(page);
          await renderPage(doc, n, page, width);
        }
        if (cancelled) void doc.destroy();
      } catch (e) {
        if (!cancelled) setState({ loading: false, error: errorText(e) });
      }
    })();
    return () => {
      cancelled = true;
      controller.abort();
    };
  }, [material.url]);

  return (
    <div data-testid="pdf-pane">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{material.name}</Typography.Text>
        {state.pages !== undefined && <Typography.Text type="secondary">共 {state.pages} 页</Typography.Text>}
        <Typography.Link onClick={onDownload} data-testid="pdf-download">
          <DownloadOutlined /> 下载
        </Typography.Link>
      </Space>
      {state.error && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`无法在页面内显示该文件（${state.error}），请下载后阅读。`} />}
      {state.pages !== undefined && state.pages > MAX_PAGES && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`页面内只显示前 ${MAX_PAGES} 页，其余请下载阅读。`} />}
      {state.loading && <Spin description="正在打开材料…" />}
      <div ref={host} data-testid="pdf-pages" style={{ background: '#f0f2f5', padding: 2 }} />
    </div>
  );
}
