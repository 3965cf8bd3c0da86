import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Card, Descriptions, Input, Result, Spin, Typography } from 'antd';
import { publicApi } from '../../api/client';
import type { PublicCertificate } from '../../api/publication-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { cnDate } from '../../lib/format';
import { useResource } from '../../lib/useResource';

/**
 * /public/certificates[/:number] — anyone checks a certificate by its number (typed, or the QR code on
 * the certificate leads here): 有效, 已撤销 (with the date) or 未查到, with what the office published.
 */
export default function CertificateVerifyPage() {
  const { number } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(number ?? '');
  useEffect(() => setTyped(number ?? ''), [number]);
  const verify = (value: string) => {
    const n = value.trim();
    if (n) navigate(`/public/certificates/${encodeURIComponent(n)}`);
  };
  return (
    <Card size="small" title="获奖证书查询">
      <Typography.Paragraph type="secondary">输入证书上的证书编号，查询证书是否真实有效。</Typography.Paragraph>
      <Input.Search
        data-testid="certificate-number"
        placeholder="证书编号，如 2026-YZ-A001"
        enterButton="查询"
        size="large"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onSearch={verify}
        allowClear
      />
      {number && <Verification number={number} />}
    </Card>
  );
}

function Verification({ number }: { number: string }) {
  const result = useResource(() => publicApi.get<PublicCertificate>(`/public/certificates/${encodeURIComponent(number)}`), [number]);
  if (result.error) return <ErrorAlert error={result.error} style={{ marginTop: 16 }} />;
  const r = result.data;
  if (!r || result.loading)
    return (
      <div style={{ padding: 32, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  if (r.status === 'unknown' || !r.certificate) {
    return (
      <Result
        status="warning"
        data-testid="certificate-status"
        data-status="unknown"
        title="未查到该证书"
        subTitle={`没有编号为「${number}」的证书。请核对证书编号（注意字母与数字），或向颁发证书的评奖办公室咨询。`}
      />
    );
  }
  const c = r.certificate;
  const revoked = r.status === 'revoked';
  return (
    <>
      <Result
        status={revoked ? 'error' : 'success'}
        data-testid="certificate-status"
        data-status={r.status}
        title={revoked ? `证书已撤销（${cnDate(c.revokedAt)}）` : '证书有效'}
        subTitle={revoked ? '该证书已被颁发单位撤销，不再有效。' : '该证书由评奖办公室颁发，真实有效。'}
        style={{ paddingBottom: 8 }}
      />
      <Descriptions
        size="small"
        bordered
        column={1}
        data-testid="certificate-fields"
        styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'number', label: '证书编号', children: c.number },
          // 获奖, 认定 or 入选推荐: the holder is named for what the certificate says.
          { key: 'org', label: c.tierLabel === '认定' ? '认定单位' : c.tierLabel === '入选推荐' ? '入选单位' : '获奖单位', children: c.organizationName },
          ...(c.subjectName ? [{ key: 'subject', label: '项目或产品', children: c.subjectName }] : []),
          { key: 'award', label: '奖项', children: `${c.year}年度${c.awardName}` },
          { key: 'tier', label: '等级', children: c.tierLabel },
          { key: 'office', label: '颁发单位', children: c.officeName },
          ...(c.documentNumber ? [{ key: 'doc', label: '表彰决定文号', children: c.documentNumber }] : []),
          ...(c.decidedOn ? [{ key: 'decided', label: '表彰日期', children: cnDate(c.decidedOn) }] : []),
          { key: 'issued', label: '发证日期', children: cnDate(c.issuedAt) },
          ...(revoked ? [{ key: 'revoked', label: '撤销日期', children: cnDate(c.revokedAt) }] : []),
        ]}
      />
    </>
  );
}
