/**
 * 重庆市 and its 38 区县 by GB/T 2260 中华人民共和国行政区划代码, as 民政部 publishes the current
 * list (县级以上行政区划代码, 2023): 26 市辖区 (5001xx) and 12 县 (5002xx). `npm run seed -- --offices`
 * creates an office for each that is missing.
 */
export const CHONGQING = { divisionCode: '500000', name: '重庆市市场监督管理局', code: 'CQ' } as const;

export const CHONGQING_DIVISIONS: ReadonlyArray<{ divisionCode: string; name: string }> = [
  { divisionCode: '500101', name: '万州区' },
  { divisionCode: '500102', name: '涪陵区' },
  { divisionCode: '500103', name: '渝中区' },
  { divisionCode: '500104', name: '大渡口区' },
  { divisionCode: '500105', name: '江北区' },
  { divisionCode: '500106', name: '沙坪坝区' },
  { divisionCode: '500107', name: '九龙坡区' },
  { divisionCode: '500108', name: '南岸区' },
  { divisionCode: '500109', name: '北碚区' },
  { divisionCode: '500110', name: '綦江区' },
  { divisionCode: '500111', name: '大足区' },
  { divisionCode: '500112', name: '渝北区' },
  { divisionCode: '500113', name: '巴南区' },
  { divisionCode: '500114', name: '黔江区' },
  { divisionCode: '500115', name: '长寿区' },
  { divisionCode: '500116', name: '江津区' },
  { divisionCode: '500117', name: '合川区' },
  { divisionCode: '500118', name: '永川区' },
  { divisionCode: '500119', name: '南川区' },
  { divisionCode: '500120', name: '璧山区' },
  { divisionCode: '500151', name: '铜梁区' },
  { divisionCode: '500152', name: '潼南区' },
  { divisionCode: '500153', name: '荣昌区' },
  { divisionCode: '500154', name: '开州区' },
  { divisionCode: '500155', name: '梁平区' },
  { divisionCode: '500156', name: '武隆区' },
  { divisionCode: '500229', name: '城口县' },
  { divisionCode: '500230', name: '丰都县' },
  { divisionCode: '500231', name: '垫江县' },
  { divisionCode: '500233', name: '忠县' },
  { divisionCode: '500235', name: '云阳县' },
  { divisionCode: '500236', name: '奉节县' },
  { divisionCode: '500237', name: '巫山县' },
  { divisionCode: '500238', name: '巫溪县' },
  { divisionCode: '500240', name: '石柱土家族自治县' },
  { divisionCode: '500241', name: '秀山土家族苗族自治县' },
  { divisionCode: '500242', name: '酉阳土家族苗族自治县' },
  { divisionCode: '500243', name: '彭水苗族土家族自治县' },
];

/** The office of a 区县: 重庆市万州区市场监督管理局. */
export function districtOfficeName(divisionName: string): string {
  return `重庆市${divisionName}市场监督管理局`;
}
