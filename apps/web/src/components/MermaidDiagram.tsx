import { useEffect, useId, useState } from 'react';
import { Alert, Spin, Typography } from 'antd';

/**
 * Renders Mermaid text with the mermaid package, loaded only when a diagram is shown (it is far
 * too large for the first page). If it cannot render, the source is shown instead.
 */
export function MermaidDiagram({ source }: { source: string }) {
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const [svg, setSvg] = useState<string>();
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    setSvg(undefined);
    setFailed(undefined);
    import('mermaid')
      .then(async ({ default: mermaid }) => {
        // At its natural size the labels read at normal zoom; a wide workflow scrolls sideways instead of shrinking.
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', state: { useMaxWidth: false }, themeVariables: { fontSize: '14px' } });
        const { svg: rendered } = await mermaid.render(`wf${id}`, source);
        if (!cancelled) setSvg(rendered);
      })
      .catch((e: unknown) => {
        if (!cancelled) setFailed(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [source, id]);
  if (failed) {
    return (
      <>
        <Alert type="warning" showIcon title="流程图未能绘制，以下为 Mermaid 源文本" style={{ marginBottom: 12 }} />
        <Typography.Paragraph>
          <pre data-testid="mermaid-source">{source}</pre>
        </Typography.Paragraph>
      </>
    );
  }
  if (!svg) return <Spin description="正在绘制流程图…" />;
  return <div data-testid="mermaid-diagram" style={{ overflowX: 'auto' }} dangerouslySetInnerHTML={{ __html: svg }} />;
}
