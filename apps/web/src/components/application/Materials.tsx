import { useRef, useState } from 'react';
import { Alert, App, Button, Card, List, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, ApiError, download, uploadWithProgress } from '../../api/client';
import type { Attachment, AwardDetail } from '../../api/types';
import { errorText } from '../../api/errors';
import { fileSize, formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { ErrorAlert } from '../ErrorAlert';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

/**
 * 申报材料 by the award's document list: upload with progress, the reason when one is refused
 * (beside that document), download, and delete while a draft.
 */
export function Materials({
  applicationId,
  award,
  editable,
  deletable,
  onChange,
  blindCycle,
}: {
  applicationId: string;
  award: AwardDetail | undefined;
  editable: boolean;
  deletable: boolean;
  onChange?: (attachments: Attachment[]) => void;
  /** A blind cycle: the file names and contents must not name the organisation. */
  blindCycle?: boolean;
}) {
  const { message } = App.useApp();
  const list = useResource(async () => {
    const items = await api.get<Attachment[]>(`/applications/${applicationId}/attachments`);
    onChange?.(items);
    return items;
  }, [applicationId]);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [refused, setRefused] = useState<Record<string, unknown>>({});
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});

  const upload = async (documentType: string, file: File) => {
    setRefused((r) => ({ ...r, [documentType]: undefined }));
    if (file.size > MAX_BYTES) {
      setRefused((r) => ({ ...r, [documentType]: new ApiError(413, { code: 'FILE_TOO_LARGE', message: '文件超过 20 MB，未能上传' }) }));
      return;
    }
    const data = new FormData();
    data.append('documentType', documentType);
    data.append('file', file, file.name);
    setProgress((p) => ({ ...p, [documentType]: 0 }));
    try {
      await uploadWithProgress<Attachment>(`/applications/${applicationId}/attachments`, data, (percent) => setProgress((p) => ({ ...p, [documentType]: percent })));
      message.success(`已上传：${file.name}`);
      await list.reload();
    } catch (e) {
      setRefused((r) => ({ ...r, [documentType]: e }));
    } finally {
      setProgress((p) => {
        const { [documentType]: _, ...rest } = p;
        return rest;
      });
    }
  };

  const remove = async (a: Attachment) => {
    try {
      await api.delete(`/applications/${applicationId}/attachments/${a.id}`);
      await list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const documents = award?.requiredDocuments ?? [];
  const byType = (type: string) => (list.data ?? []).filter((a) => a.documentType === type);

  return (
    <Card title="申报材料" extra={editable ? <Typography.Text type="secondary">PDF、JPG、PNG、DOCX、XLSX，每个不超过 20 MB</Typography.Text> : undefined}>
      <ErrorAlert error={list.error} />
      {blindCycle && editable && (
        <Alert
          type="warning"
          showIcon
          data-testid="blind-materials-warning"
          style={{ marginBottom: 12 }}
          title="本届为匿名评审：上传前请确认文件名和材料内容（含页眉、页脚、水印、公章页）不出现本单位名称、商标或统一社会信用代码"
        />
      )}
      <List
        loading={list.loading || !award}
        dataSource={documents}
        renderItem={(doc) => {
          const files = byType(doc.type);
          const pct = progress[doc.type];
          return (
            <List.Item data-testid={`material-${doc.type}`}>
              <div style={{ width: '100%' }}>
                <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                  <Space>
                    <Typography.Text strong>{doc.label}</Typography.Text>
                    {doc.optional ? <Tag>可选</Tag> : files.length ? <Tag color="green">已提供</Tag> : <Tag color="red">必需，尚未上传</Tag>}
                  </Space>
                  {editable && (
                    <>
                      <input
                        type="file"
                        accept={ACCEPT}
                        hidden
                        data-testid={`upload-input-${doc.type}`}
                        ref={(el) => {
                          inputs.current[doc.type] = el;
                        }}
                        onChange={(e) => {
                          const file = e.target.files?.[0];
                          e.target.value = '';
                          if (file) void upload(doc.type, file);
                        }}
                      />
                      <Button size="small" icon={<UploadOutlined />} loading={pct !== undefined} onClick={() => inputs.current[doc.type]?.click()}>
                        上传
                      </Button>
                    </>
                  )}
                </Space>
                {pct !== undefined && <Progress percent={pct} size="small" status="active" data-testid={`upload-progress-${doc.type}`} />}
                {refused[doc.type] !== undefined && <ErrorAlert error={refused[doc.type]} style={{ marginTop: 8, marginBottom: 0 }} onClose={() => setRefused((r) => ({ ...r, [doc.type]: undefined }))} />}
                {files.map((a) => {
                  // The server names each material as this reader may see it (neutral in a blind cycle).
                  const name = a.name;
                  return (
                  <div key={a.id} style={{ marginTop: 4 }}>
                    <Space wrap>
                      <Typography.Link onClick={() => void download(`/applications/${applicationId}/attachments/${a.id}/content`, name, true).catch((e) => message.error(errorText(e)))}>
                        <DownloadOutlined /> {name}
                      </Typography.Link>
                      <Typography.Text type="secondary">
                        {fileSize(a.size)} · {formatTime(a.createdAt)}
                      </Typography.Text>
                      {deletable && (
                        <Popconfirm title="删除这份材料？" okText="删除" cancelText="取消" onConfirm={() => remove(a)}>
                          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除 ${name}`} />
                        </Popconfirm>
                      )}
                    </Space>
                  </div>
                  );
                })}
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
