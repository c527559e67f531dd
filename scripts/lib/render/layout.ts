/**
 * The printed layout of the national tables: label columns and row labels exactly as the
 * templates print them, shared by every renderer.
 */
import { metric } from '../../../src/model/metrics.ts';

export const T3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const T3_HEAD_1 = ['自然人', '法人或其他组织', '总计'];
export const T3_HEAD_2 = ['商业\n企业', '科研\n机构', '社会公益组织', '法律服务机构', '其他'];

/** Label cells of a table 三 row: [top, group, item] as the national table prints them. */
export function t3Labels(code: string): { top: string; group: string; item: string } {
  const m = metric(code);
  if (code === 'app.new' || code === 'app.carried_in' || code === 'app.carried_out') return { top: m.labelZh, group: '', item: '' };
  const [group, item] = m.labelZh.split('·');
  return { top: '三、本年度办理结果', group, item: item ?? '' };
}

export interface T2Block { block: string; columns: string[]; rows: { label: string; codes: string[] }[] }

export function t2Blocks(template: 'v2021' | 'v2019'): T2Block[] {
  if (template === 'v2021') {
    return [
      { block: '第二十条第（一）项', columns: ['本年制发件数', '本年废止件数', '现行有效件数'], rows: [
        { label: '规章', codes: ['ad.rule.issued', 'ad.rule.repealed', 'ad.rule.in_force'] },
        { label: '行政规范性文件', codes: ['ad.normdoc.issued', 'ad.normdoc.repealed', 'ad.normdoc.in_force'] },
      ] },
      { block: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: [{ label: '行政许可', codes: ['ad.license.decisions'] }] },
      { block: '第二十条第（六）项', columns: ['本年处理决定数量'], rows: [
        { label: '行政处罚', codes: ['ad.penalty.decisions'] }, { label: '行政强制', codes: ['ad.coercion.decisions'] },
      ] },
      { block: '第二十条第（八）项', columns: ['本年收费金额（单位：万元）'], rows: [{ label: '行政事业性收费', codes: ['ad.fee.amount'] }] },
    ];
  }
  return [
    { block: '第二十条第（一）项', columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], rows: [
      { label: '规章', codes: ['ad19.rule.made', 'ad19.rule.published', 'ad19.rule.total_published'] },
      { label: '规范性文件', codes: ['ad19.normdoc.made', 'ad19.normdoc.published', 'ad19.normdoc.total_published'] },
    ] },
    { block: '第二十条第（五）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: [
      { label: '行政许可', codes: ['ad19.license.prev_items', 'ad19.license.delta_items', 'ad.license.decisions'] },
      { label: '其他对外管理服务事项', codes: ['ad19.other_service.prev_items', 'ad19.other_service.delta_items', 'ad19.other_service.decisions'] },
    ] },
    { block: '第二十条第（六）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: [
      { label: '行政处罚', codes: ['ad19.penalty.prev_items', 'ad19.penalty.delta_items', 'ad.penalty.decisions'] },
      { label: '行政强制', codes: ['ad19.coercion.prev_items', 'ad19.coercion.delta_items', 'ad.coercion.decisions'] },
    ] },
    { block: '第二十条第（八）项', columns: ['上一年项目数量', '本年增/减'], rows: [
      { label: '行政事业性收费', codes: ['ad19.fee.prev_items', 'ad19.fee.delta_items'] },
    ] },
    { block: '第二十条第（九）项', columns: ['采购项目数量', '采购总金额'], rows: [
      { label: '政府集中采购', codes: ['ad19.procurement.projects', 'ad19.procurement.amount'] },
    ] },
  ];
}

export const T4_HEAD_1 = ['行政复议', '行政诉讼'];
export const T4_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

export function prose(agency: string, year: number, template: 'v2021' | 'v2019', newTotal: string) {
  const basis = template === 'v2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号';
  return {
    intro: `本报告根据《中华人民共和国政府信息公开条例》和《${basis}》要求编制。报告中所列数据统计期限为${year}年1月1日至12月31日。`,
    overview: `${year}年，${agency}认真贯彻落实政府信息公开工作要求，全年收到政府信息公开申请${newTotal}件。`,
    problems: '存在的主要问题是政策解读形式还不够丰富，下一步将加强培训。',
    other: `${year}年未收取信息处理费。`,
  };
}

export const SECTION_TITLES = {
  s1: '一、总体情况',
  s2: '二、主动公开政府信息情况',
  s3: '三、收到和处理政府信息公开申请情况',
  s4: '四、政府信息公开行政复议、行政诉讼情况',
  s5: '五、存在的主要问题及改进情况',
  s6: '六、其他需要报告的事项',
};
