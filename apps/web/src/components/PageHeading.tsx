import { type CSSProperties, useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Each page's one h1, from its route. The pages show their title as a Card's head (a div), so the h1
 * is for screen readers and the document's outline only (visually hidden: the title is not shown
 * twice); it also names the browser tab. A route mapped to null draws its own visible h1 (工作台).
 */
const ROUTE_TITLES: Array<[RegExp, string | null]> = [
  [/^\/office\/workbench/, null],
  [/^\/office\/applications/, '申报管理'],
  [/^\/office\/cycles\/new/, '新建评审周期'],
  [/^\/office\/cycles\/[^/]+/, '评审周期详情'],
  [/^\/office\/cycles/, '评审周期'],
  [/^\/office\/deadlines/, '期限管理'],
  [/^\/office\/flags/, '待分配专家'],
  [/^\/office\/rechecks/, '老字号复核'],
  [/^\/office\/compliance/, '信用与黑名单'],
  [/^\/office\/people/, '用户与专家库'],
  [/^\/office\/offices/, '机构管理'],
  [/^\/office\/jobs/, '失败任务'],
  [/^\/office\/stats/, '统计'],
  [/^\/expert\/tasks/, '待办'],
  [/^\/expert\/assignments\/[^/]+/, '评审打分'],
  [/^\/expert\/assignments/, '我的评审任务'],
  [/^\/my\/applications/, '我的申报'],
  [/^\/my\/cycles/, '可申报的评审'],
  [/^\/my\/organization/, '单位信息'],
  [/^\/application\//, '申报详情'],
  [/^\/inbox/, '消息通知'],
  [/^\/public\/certificates/, '证书查询'],
  [/^\/public\/publicity\//, '公示'],
  [/^\/public\/offices\//, '公示与表彰名单'],
  [/^\/public\/?$/, '公示与表彰名单'],
];

export const SITE_NAME = '质量奖评审平台';

/** What screen readers skip but read out: on the page for them, off it for the eye. */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export function routeTitle(pathname: string): string | null | undefined {
  return ROUTE_TITLES.find(([pattern]) => pattern.test(pathname))?.[1];
}

/** The h1 of the current route, or `override` (a role's own name for it); none for a path no route knows (the 404 page draws its own). */
export function PageHeading({ override }: { override?: string }) {
  const { pathname } = useLocation();
  const found = routeTitle(pathname);
  const title = override ?? found;
  useEffect(() => {
    document.title = title ? `${title} - ${SITE_NAME}` : SITE_NAME;
  }, [title]);
  if (!title) return null;
  return <h1 style={VISUALLY_HIDDEN}>{title}</h1>;
}
