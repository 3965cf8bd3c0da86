import { useCallback, useEffect, useRef, useState } from 'react';
import { DAY_FORMAT, SELF_ASSESSMENT_LIMIT } from '@awardflow/rules';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, isSessionLost, onSessionRestored } from '../../api/client';
import type { Application, AwardDetail } from '../../api/types';
import { SELF_ASSESSMENT_FIELDS } from '../../lib/labels';
import { ErrorAlert } from '../ErrorAlert';
import { applyFieldErrors } from '../formErrors';
import { toApiForm, type Family } from './formModel';
import { formatTime } from '../../lib/format';

type SaveState = { kind: 'idle' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error' } | { kind: 'lapsed' };

type Rubric = AwardDetail['rubric'];

/** What a blind cycle's text must not name: the applicant (its name and credit code). */
export interface BlindApplicant {
  name: string;
  uscc: string;
}

/**
 * Edits not yet saved, kept in this browser: a lost session, a closed tab or a crash never loses
 * what was typed. Keyed by application; restored only onto the version they were typed over.
 */
interface LocalEdits {
  version: number;
  values: Record<string, unknown>;
  at: number;
}
const localKey = (id: string) => `awardflow.unsaved.${id}`;
function readLocal(id: string): LocalEdits | null {
  try {
    const raw = localStorage.getItem(localKey(id));
    return raw ? (JSON.parse(raw) as LocalEdits) : null;
  } catch {
    return null;
  }
}
function writeLocal(id: string, edits: LocalEdits): void {
  try {
    localStorage.setItem(localKey(id), JSON.stringify(edits));
  } catch {
    // A full or disabled storage: the server save still runs.
  }
}
const clearLocal = (id: string) => localStorage.removeItem(localKey(id));

export interface FormEditorHandle {
  /**
   * Saves now if anything is pending: resolves the saved application (its version is the one to act
   * on), true when nothing was pending, false when the save failed.
   */
  flush(): Promise<Application | boolean>;
}

/**
 * The award family's form, saved as a draft as it is typed (debounced PATCH with If-Match), with the
 * API's field errors shown beside the inputs.
 */
export function FormEditor({
  application,
  family,
  onSaved,
  handleRef,
  individualNominees,
  rubric,
  blind,
}: {
  application: Application;
  family: Family;
  /** The award may be given to a person (中国质量奖): the form names the person when so. */
  individualNominees?: boolean;
  onSaved: (updated: Application) => void;
  handleRef: React.RefObject<FormEditorHandle | null>;
  /** The award's rubric: the self-assessment follows its categories and items. */
  rubric?: Rubric;
  /** Set in a blind cycle: the text must keep the applicant's name out. */
  blind?: BlindApplicant;
}) {
  const [form] = Form.useForm();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [restored, setRestored] = useState(false);
  const [error, setError] = useState<unknown>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pendingAfterLogin = useRef(false);
  const inFlight = useRef<Promise<Application | false> | null>(null);
  // Every save is a new version: the next save sends the one the last save answered. A version the
  // page learns from others is not taken over — saving over their change is a 409, not a lost update.
  const version = useRef(application.version);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const save = useCallback(async (): Promise<Application | false> => {
    if (inFlight.current) await inFlight.current;
    const run = (async (): Promise<Application | false> => {
      setState({ kind: 'saving' });
      try {
        const updated = await api.patch<Application>(`/applications/${application.id}`, { form: toApiForm(family, form.getFieldsValue(true)) }, { version: version.current });
        version.current = updated.version;
        clearLocal(application.id);
        setError(undefined);
        setState({ kind: 'saved', at: new Date() });
        onSavedRef.current(updated);
        return updated;
      } catch (e) {
        // Signed out under the page: the edits stay here and are saved once the user signs in again.
        if (isSessionLost(e)) {
          pendingAfterLogin.current = true;
          setState({ kind: 'lapsed' });
          return false;
        }
        setError(e);
        setState({ kind: 'error' });
        applyFieldErrors(form, e, (f) => (f.startsWith('form.') ? f.slice(5).split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : null));
        return false;
      }
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      if (inFlight.current === run) inFlight.current = null;
    }
  }, [application.id, family, form]);

  useEffect(() => {
    handleRef.current = {
      flush: async () => {
        if (timer.current) {
          clearTimeout(timer.current);
          timer.current = undefined;
          return save();
        }
        if (inFlight.current) return inFlight.current;
        return true;
      },
    };
  }, [handleRef, save]);

  useEffect(() => () => timer.current && clearTimeout(timer.current), []);

  // Back from the re-login dialog: send what was held back.
  useEffect(
    () =>
      onSessionRestored(() => {
        if (!pendingAfterLogin.current) return;
        pendingAfterLogin.current = false;
        void save();
      }),
    [save],
  );

  const changed = () => {
    writeLocal(application.id, { version: version.current, values: form.getFieldsValue(true) as Record<string, unknown>, at: Date.now() });
    setState({ kind: 'dirty' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void save();
    }, 800);
  };

  // Edits typed over this very version and never saved (the session was lost, the tab closed): put back and saved.
  useEffect(() => {
    const local = readLocal(application.id);
    if (!local) return;
    if (local.version !== application.version) {
      clearLocal(application.id);
      return;
    }
    form.setFieldsValue(local.values);
    setRestored(true);
    changed();
    // Once, for the version the editor opened on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const status =
    state.kind === 'lapsed'
      ? '登录已过期：修改已暂存在本机，重新登录后自动保存'
      : state.kind === 'saving' ? '正在保存草稿…' : state.kind === 'dirty' ? '有未保存的修改' : state.kind === 'saved' ? `草稿已自动保存（${formatTime(state.at)}）` : state.kind === 'error' ? '草稿未能保存' : '修改后自动保存为草稿';

  return (
    <Card
      title="申报书"
      extra={
        <Typography.Text type={state.kind === 'error' ? 'danger' : 'secondary'} data-testid="autosave-status" data-state={state.kind}>
          {status}
        </Typography.Text>
      }
    >
      <ErrorAlert error={error} />
      {restored && (
        <Alert type="info" showIcon closable={{ onClose: () => setRestored(false) }} data-testid="restored-local" style={{ marginBottom: 12 }} title="已恢复您上次在本机未保存的修改，并已自动保存为草稿" />
      )}
      {blind && <BlindWarning form={form} applicant={blind} />}
      <Form form={form} layout="vertical" initialValues={application.form} onValuesChange={changed}>
        {family === 'quality' && <QualityFields rubric={rubric} />}
        {family === 'quality' && individualNominees && <NomineeFields />}
        {family === 'engineering' && <EngineeringFields />}
        {family === 'brand' && <BrandFields />}
      </Form>
    </Card>
  );
}

/** Characters as the API counts them (code points: one per 汉字). */
const charCount = (v: unknown) => (typeof v === 'string' ? [...v].length : 0);

/**
 * 匿名评审: experts must not learn who applied, so the text and the materials (their content and
 * file names) keep the organisation's name out; a name or credit code typed in the text is pointed at.
 */
function BlindWarning({ form, applicant }: { form: ReturnType<typeof Form.useForm>[0]; applicant: BlindApplicant }) {
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const found: string[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === 'string') {
      if (applicant.name && value.includes(applicant.name)) found.push(`${path.join('·')}中出现了本单位名称「${applicant.name}」`);
      else if (applicant.uscc && value.includes(applicant.uscc)) found.push(`${path.join('·')}中出现了本单位统一社会信用代码`);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, LABEL_OF[k] ?? (/^\d+$/.test(k) ? `第 ${Number(k) + 1} 行` : k)]);
    }
  };
  walk(values ?? {}, []);
  return (
    <Alert
      type={found.length ? 'error' : 'warning'}
      showIcon
      data-testid="blind-warning"
      style={{ marginBottom: 12 }}
      title="本届为匿名评审：自评报告和申报材料（含文件名）中请勿出现本单位名称、商标、统一社会信用代码、地址或联系人等可识别本单位的信息"
      description={
        found.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="blind-findings">
            {found.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        ) : (
          '评审专家看到的内容会隐去能识别本单位的信息，但请从源头避免写入。'
        )
      }
    />
  );
}

const LABEL_OF: Record<string, string> = { selfAssessment: '自评报告', keyResults: '关键绩效指标', ...Object.fromEntries(SELF_ASSESSMENT_FIELDS) };

/**
 * 自评报告 by the rubric: one narrative per GB/T 19580 category, with the category's items (and their
 * points) as what the text should answer, and a count of its characters against the total limit.
 */
function QualityFields({ rubric }: { rubric?: Rubric }) {
  const selfAssessment = Form.useWatch(['selfAssessment']) as Record<string, unknown> | undefined;
  const total = SELF_ASSESSMENT_FIELDS.reduce((n, [key]) => n + charCount(selfAssessment?.[key]), 0);
  return (
    <>
      <Typography.Title level={5}>自评报告（GB/T 19580 七大类目）</Typography.Title>
      <Typography.Paragraph type={total > SELF_ASSESSMENT_LIMIT ? 'danger' : 'secondary'} data-testid="sa-total">
        按评分标准的七个类目逐项撰写；七个类目合计 {total} / {SELF_ASSESSMENT_LIMIT} 字
      </Typography.Paragraph>
      {SELF_ASSESSMENT_FIELDS.map(([key, label], i) => {
        const category = rubric?.categories.find((c) => c.label === label) ?? rubric?.categories[i];
        const count = charCount(selfAssessment?.[key]);
        return (
          <Form.Item
            key={key}
            label={
              <span>
                {category ? `${category.code} ` : ''}
                {label}
                {category && <Typography.Text type="secondary">（{category.max} 分）</Typography.Text>}
              </span>
            }
            name={['selfAssessment', key]}
            extra={
              <div data-testid={`sa-${key}-guide`}>
                {category && (
                  <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                    {category.items.map((item) => (
                      <li key={item.criterion}>
                        {item.criterion} {item.label}（{item.max} 分）
                      </li>
                    ))}
                  </ul>
                )}
                <span data-testid={`sa-${key}-count`}>本类目 {count} 字</span>
              </div>
            }
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={SELF_ASSESSMENT_LIMIT} data-testid={`sa-${key}`} aria-label={label} />
          </Form.Item>
        );
      })}
      <Typography.Title level={5}>关键绩效指标</Typography.Title>
      <Form.List name="keyResults">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item name={[field.name, 'indicator']} label={i === 0 ? '指标' : undefined}>
                  <Input placeholder="如 产品一次交验合格率" style={{ width: 220 }} data-testid={`kr-${i}-indicator`} />
                </Form.Item>
                <Form.Item name={[field.name, 'value']} label={i === 0 ? '数值' : undefined}>
                  <InputNumber style={{ width: 120 }} data-testid={`kr-${i}-value`} />
                </Form.Item>
                <Form.Item name={[field.name, 'unit']} label={i === 0 ? '单位' : undefined}>
                  <Input style={{ width: 80 }} maxLength={20} data-testid={`kr-${i}-unit`} />
                </Form.Item>
                <Form.Item name={[field.name, 'year']} label={i === 0 ? '年份' : undefined}>
                  <InputNumber style={{ width: 100 }} min={2000} max={2100} precision={0} data-testid={`kr-${i}-year`} />
                </Form.Item>
                <MinusCircleOutlined aria-label="删除此行" onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
              添加指标
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

/** 被推荐个人 (中国质量奖管理办法: 组织和个人): filled only when a person is the nominee. */
function NomineeFields() {
  return (
    <>
      <Typography.Title level={5}>被推荐个人（推荐个人时填写）</Typography.Title>
      <Typography.Paragraph type="secondary">推荐组织时留空；推荐个人时四项均须填写，申报单位为其所在单位。</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="姓名" name={['nominee', 'name']}>
            <Input maxLength={50} data-testid="nominee-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="职务" name={['nominee', 'position']}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="工作单位" name={['nominee', 'workUnit']}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="主要质量贡献" name={['nominee', 'contribution']}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function EngineeringFields() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label="工程名称" name={['project', 'name']}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="工程地点" name={['project', 'location']}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="工程规模" name={['project', 'scale']}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="工程投资（万元）" name={['project', 'investment']}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="竣工验收日期" name={['project', 'completionAcceptanceDate']} rules={[{ pattern: DAY_FORMAT, message: '格式为 YYYY-MM-DD' }]}>
          <Input placeholder="2025-06-30" maxLength={10} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="建筑面积（平方米）" name={['project', 'grossFloorArea']}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid="project-grossFloorArea" />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item label="施工许可证号" name={['project', 'constructionPermitNumber']}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="建设单位" name={['project', 'constructionUnit']}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="承建单位" name={['project', 'contractor']} extra="不填即为本申报单位">
          <Input maxLength={200} data-testid="project-contractor" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Typography.Title level={5}>参建单位</Typography.Title>
        <Form.List name={['project', 'participants']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[field.name, 'name']} label={i === 0 ? '单位名称' : undefined}>
                    <Input style={{ width: 260 }} maxLength={200} data-testid={`participant-${i}-name`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} label={i === 0 ? '承担角色' : undefined}>
                    <Input placeholder="如 参建单位、设计单位、监理单位" style={{ width: 200 }} maxLength={50} data-testid={`participant-${i}-role`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'scope']} label={i === 0 ? '承担内容' : undefined}>
                    <Input placeholder="如 机电安装" style={{ width: 220 }} maxLength={500} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除此行" onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="add-participant">
                添加参建单位
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item label="工程简介" name={['project', 'description']} style={{ marginTop: 16 }}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function BrandFields() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item label="品牌名称" name={['brand', 'name']}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="品牌创立年份" name={['brand', 'foundedYear']}>
          <InputNumber min={1000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="品类" name={['brand', 'category']}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label="品牌简介" name={['brand', 'description']}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="产品名称（名牌产品）" name={['product', 'name']}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="批量生产起始日期" name={['product', 'batchProductionSince']} rules={[{ pattern: DAY_FORMAT, message: '格式为 YYYY-MM-DD' }]}>
          <Input placeholder="2018-01-01" maxLength={10} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="执行标准" name={['product', 'standard']}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="注册商标" name={['product', 'trademark']}>
          <Input maxLength={100} data-testid="product-trademark" />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item label="规格型号" name={['product', 'specifications']}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="年产量" name={['product', 'annualOutput']}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="产量单位" name={['product', 'outputUnit']}>
          <Input placeholder="如 吨、万件" maxLength={20} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="年销售额（万元）" name={['product', 'annualSales']}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
