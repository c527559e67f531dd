import { describe, expect, it } from 'vitest';
import { fitToDataset, parseState, regionInDataset, serializeState } from '../../src/state/url-state.ts';

const FACTS = { minYear: 2019, maxYear: 2024, regionCodes: ['130529', '320813', '320800', '310000'] };

describe('link values the dataset cannot have', () => {
  it('from after to: both refused with a notice, every year shown', () => {
    const { state, notices } = parseState('?from=2024&to=2019');
    expect(state.filters.from).toBeNull();
    expect(state.filters.to).toBeNull();
    expect(notices.join()).toContain('from=2024 晚于 to=2019');
    expect(serializeState(state)).toBe('');
  });

  it('from equal to to is one year, kept', () => {
    const { state, notices } = parseState('?from=2021&to=2021');
    expect([state.filters.from, state.filters.to, notices]).toEqual([2021, 2021, []]);
  });

  it('a region with no report in the dataset is refused; province, city and county codes of its reports are kept', () => {
    for (const r of ['130000', '130500', '130529', '320800', '310000']) {
      const { state, notices } = fitToDataset(parseState(`?r=${r}`).state, FACTS);
      expect([r, state.filters.region, notices]).toEqual([r, r, []]);
    }
    for (const r of ['999999', '110000', '130600', '130528']) {
      const { state, notices } = fitToDataset(parseState(`?r=${r}`).state, FACTS);
      expect(state.filters.region).toBeNull();
      expect(notices.join()).toContain(`r=${r} 不是本数据集中的地区`);
    }
  });

  it('years outside the dataset are refused, each with a notice; the others kept', () => {
    const { state, notices } = fitToDataset(parseState('?from=2010&to=2022&k=government').state, FACTS);
    expect(state.filters).toMatchObject({ from: null, to: 2022, kind: 'government' });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('from=2010 超出本数据集的年度（2019–2024）');
    expect(serializeState(state)).toBe('?to=2022&k=government');
    const late = fitToDataset(parseState('?to=2031').state, FACTS);
    expect(late.state.filters.to).toBeNull();
  });

  it('compared regions not in the dataset are dropped, agencies kept', () => {
    const { state, notices } = fitToDataset(parseState('?v=compare&e=region:999999,region:320800,0123456789abcdef').state, FACTS);
    expect(state.entities).toEqual(['region:320800', '0123456789abcdef']);
    expect(notices).toHaveLength(1);
  });

  it('an empty dataset (no years) refuses no year', () => {
    const { state } = fitToDataset(parseState('?from=2020').state, { minYear: null, maxYear: null, regionCodes: [] });
    expect(state.filters.from).toBe(2020);
  });

  it('a long unknown value is echoed cut short', () => {
    const { notices } = parseState(`?k=${'x'.repeat(10_000)}`);
    expect(notices[0].length).toBeLessThan(200);
  });

  it('regionInDataset', () => {
    expect(regionInDataset('320000', FACTS.regionCodes)).toBe(true);
    expect(regionInDataset('320900', FACTS.regionCodes)).toBe(false);
  });
});
