/**
 * Table 三 row labels → metric codes. Labels are matched by keywords after whitespace and
 * full-width forms are folded, because reports break, abbreviate and mistype them
 * (「2.其他法律行政止公开」). Sub-items are numbered within their group, so the group is taken
 * from the label, the merged group cell, or the rows above.
 */
type Group = 'denied' | 'unable' | 'rejected' | 'other';

const GROUPS: { group: Group; re: RegExp; subtotal: string }[] = [
  { group: 'denied', re: /不予公开/, subtotal: 'app.res.denied' },
  { group: 'unable', re: /无法提供/, subtotal: 'app.res.unable' },
  { group: 'rejected', re: /不予处理/, subtotal: 'app.res.rejected' },
  { group: 'other', re: /其他处理/, subtotal: 'app.res.other' },
];

const ITEMS: { group: Group; re: RegExp; metric: string }[] = [
  { group: 'denied', re: /国家秘密/, metric: 'app.res.denied.state_secret' },
  { group: 'denied', re: /法律行政|禁止公开/, metric: 'app.res.denied.law_prohibited' },
  { group: 'denied', re: /三安全一稳定|危及/, metric: 'app.res.denied.security_stability' },
  { group: 'denied', re: /第三方/, metric: 'app.res.denied.third_party' },
  { group: 'denied', re: /内部事务/, metric: 'app.res.denied.internal_affairs' },
  { group: 'denied', re: /过程性/, metric: 'app.res.denied.process_info' },
  { group: 'denied', re: /执法案卷/, metric: 'app.res.denied.enforcement_file' },
  { group: 'denied', re: /行政查询/, metric: 'app.res.denied.admin_query' },
  { group: 'unable', re: /不掌握/, metric: 'app.res.unable.not_held' },
  { group: 'unable', re: /另行制作|现成信息/, metric: 'app.res.unable.need_creation' },
  { group: 'unable', re: /补正后|仍不明确/, metric: 'app.res.unable.unclear' },
  { group: 'rejected', re: /信访|举报投诉/, metric: 'app.res.rejected.petition' },
  { group: 'rejected', re: /重复申请/, metric: 'app.res.rejected.repeat' },
  { group: 'rejected', re: /出版物/, metric: 'app.res.rejected.publication' },
  { group: 'rejected', re: /大量反复/, metric: 'app.res.rejected.excessive' },
  { group: 'rejected', re: /重新出具|确认或/, metric: 'app.res.rejected.confirm_reissue' },
  { group: 'other', re: /逾期不补正/, metric: 'app.res.other.no_correction' },
  { group: 'other', re: /收费通知|缴纳费用/, metric: 'app.res.other.unpaid_fee' },
];

const TOP: { re: RegExp; metric: string }[] = [
  { re: /本年新收/, metric: 'app.new' },
  { re: /上年结转/, metric: 'app.carried_in' },
  { re: /结转下年度|转下年度/, metric: 'app.carried_out' },
  { re: /予以公开/, metric: 'app.res.granted' },
  { re: /部分公开/, metric: 'app.res.partial' },
  { re: /^(?:三[、.]?本年度办理结果)?(?:\(七\)|七[、.]|\(7\))?总计$/, metric: 'app.res.total' },
];

const OTHER_OTHER = /^(?:\d[.、]?|\(\d\))?其他$/;

export class T3LabelMatcher {
  private group: Group | null = null;

  /** The metric a row's label names, or null. `context` holds the merged cells' labels too. */
  match(own: string, context: string): string | null {
    const groupInOwn = GROUPS.find((g) => g.re.test(own));
    const groupInContext = GROUPS.find((g) => g.re.test(context));
    if (groupInOwn ?? groupInContext) this.group = (groupInOwn ?? groupInContext)!.group;
    const top = TOP.find((t) => t.re.test(own));
    if (top) {
      this.group = null;
      return top.metric;
    }
    const rest = groupInOwn ? own.replace(/^(?:\(\S?\))?/, '').replace(groupInOwn.re, '') : own;
    const items = ITEMS.filter((i) => i.re.test(rest));
    if (items.length === 1) {
      this.group = items[0].group;
      return items[0].metric;
    }
    if (items.length > 1) return null;
    const bare = rest.replace(/^\(\S\)/, '');
    if (OTHER_OTHER.test(bare) && this.group === 'other') return 'app.res.other.other';
    if (groupInOwn && bare === '') return groupInOwn.subtotal;
    return null;
  }
}
