import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Typography, Upload, type UploadFile } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, api, download } from '../../api/client';
import { errorText } from '../../api/errors';
import type { AwardDecision } from '../../api/publication-types';
import { beijingDate, cnDate, formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { ErrorAlert } from '../ErrorAlert';
import { applyFieldErrors } from '../formErrors';

interface Values {
  title: string;
  documentNumber: string;
  decidedOn: Dayjs;
}

/** 表彰决定: the government's decision that names the winners (title, 文号, date, the PDF), recorded by the office. */
export function AwardDecisionPanel({ cycleId }: { cycleId: string }) {
  const { message } = App.useApp();
  // 404: nothing recorded yet.
  const decision = useResource(
    () =>
      api.get<AwardDecision>(`/cycles/${cycleId}/award-decision`).catch((e) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    [cycleId],
  );
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<UploadFile[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const d = decision.data;
  const today = beijingDate();

  const save = async (values: Values) => {
    setError(undefined);
    const pdf = file[0]?.originFileObj;
    if (!pdf) {
      setError(new ApiError(400, { message: '请上传表彰决定的 PDF 文件', errors: [{ field: 'file', label: '表彰决定文件', messages: ['请上传 PDF 文件'] }] }));
      return;
    }
    const data = new FormData();
    data.append('title', values.title.trim());
    data.append('documentNumber', values.documentNumber.trim());
    data.append('decidedOn', values.decidedOn.format('YYYY-MM-DD'));
    data.append('file', pdf, file[0].name);
    setBusy(true);
    try {
      decision.setData(await api.put<AwardDecision>(`/cycles/${cycleId}/award-decision`, data));
      message.success('表彰决定已登记');
      setEditing(false);
      setFile([]);
      void decision.reload();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="表彰决定" data-testid="award-decision" loading={decision.loading && decision.data === undefined}>
      <ErrorAlert error={decision.error} />
      {d && !editing && (
        <>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'title', label: '标题', children: d.title },
              { key: 'no', label: '文号', children: <span data-testid="decision-number">{d.documentNumber}</span> },
              { key: 'date', label: '日期', children: cnDate(d.decidedOn) },
              {
                key: 'file',
                label: '文件',
                children: (
                  <Typography.Link onClick={() => void download(`/cycles/${cycleId}/award-decision.pdf`, d.fileName).catch((e) => message.error(errorText(e)))}>
                    <DownloadOutlined /> {d.fileName}
                  </Typography.Link>
                ),
              },
              { key: 'at', label: '登记时间', children: formatTime(d.recordedAt) },
            ]}
          />
          <Button style={{ marginTop: 12 }} onClick={() => setEditing(true)}>
            更正表彰决定
          </Button>
        </>
      )}
      {(!d || editing) && decision.data !== undefined && (
        <>
          <Typography.Paragraph type="secondary">
            登记政府印发的表彰决定。证书和公开的表彰名单载明其文号和日期。
          </Typography.Paragraph>
          <ErrorAlert error={error} />
          <Form
            form={form}
            layout="vertical"
            onFinish={save}
            style={{ maxWidth: 560 }}
            initialValues={d ? { title: d.title, documentNumber: d.documentNumber, decidedOn: dayjs(d.decidedOn) } : undefined}
          >
            <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写表彰决定的标题' }]}>
              <Input maxLength={200} placeholder="关于表彰2026年度渝中区区长质量管理奖获奖单位的决定" />
            </Form.Item>
            <Form.Item name="documentNumber" label="文号" rules={[{ required: true, whitespace: true, message: '请填写文号' }]}>
              <Input maxLength={100} placeholder="渝中府发〔2026〕12号" />
            </Form.Item>
            <Form.Item name="decidedOn" label="印发日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker disabledDate={(x) => x.format('YYYY-MM-DD') > today} data-testid="decision-date" />
            </Form.Item>
            <Form.Item label="表彰决定文件（PDF）" required>
              <Upload accept=".pdf" maxCount={1} fileList={file} beforeUpload={() => false} onChange={({ fileList }) => setFile(fileList.slice(-1))}>
                <Button icon={<UploadOutlined />}>选择 PDF</Button>
              </Upload>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              登记表彰决定
            </Button>
            {editing && (
              <Button style={{ marginLeft: 8 }} onClick={() => setEditing(false)}>
                取消
              </Button>
            )}
          </Form>
        </>
      )}
    </Card>
  );
}
