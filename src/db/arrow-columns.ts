/**
 * Arrow columns built directly from JavaScript arrays with arrow's low-level makeData. Arrow's
 * own builders (vectorFromArray) compile their null check with `new Function`, which the site's
 * Content-Security-Policy forbids; this needs no eval and copies each value once.
 */
import * as arrow from 'apache-arrow';

function validity(values: readonly unknown[]): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nulls++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  });
  return { bitmap, nulls };
}

export function int32Column(values: readonly (number | null)[]): arrow.Data<arrow.Int32> {
  const { bitmap, nulls } = validity(values);
  const data = Int32Array.from(values, (v) => (v === null || v === undefined ? 0 : v));
  return arrow.makeData({ type: new arrow.Int32(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data });
}

export function float64Column(values: readonly (number | null)[]): arrow.Data<arrow.Float64> {
  const { bitmap, nulls } = validity(values);
  const data = Float64Array.from(values, (v) => (v === null || v === undefined ? 0 : v));
  return arrow.makeData({ type: new arrow.Float64(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data });
}

const encoder = new TextEncoder();

export function utf8Column(values: readonly (string | null)[]): arrow.Data<arrow.Utf8> {
  const { bitmap, nulls } = validity(values);
  const encoded = values.map((v) => (v === null || v === undefined ? new Uint8Array() : encoder.encode(v)));
  const offsets = new Int32Array(values.length + 1);
  encoded.forEach((b, i) => {
    offsets[i + 1] = offsets[i] + b.length;
  });
  const data = new Uint8Array(offsets[values.length]);
  encoded.forEach((b, i) => data.set(b, offsets[i]));
  return arrow.makeData({ type: new arrow.Utf8(), length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data });
}

function listOf<T extends arrow.DataType>(lists: readonly (readonly unknown[] | null)[], child: arrow.Data<T>, field: arrow.Field<T>): arrow.Data<arrow.List<T>> {
  const { bitmap, nulls } = validity(lists);
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => {
    offsets[i + 1] = offsets[i] + (l?.length ?? 0);
  });
  return arrow.makeData({ type: new arrow.List(field), length: lists.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, child });
}

export function utf8ListColumn(lists: readonly (readonly string[] | null)[]): arrow.Data<arrow.List<arrow.Utf8>> {
  const child = utf8Column(lists.flatMap((l) => l ?? []));
  return listOf(lists, child, new arrow.Field('item', new arrow.Utf8(), true));
}

export interface AliasValue { name: string | null; first_year: number | null; last_year: number | null }

export function aliasListColumn(lists: readonly (readonly AliasValue[] | null)[]): arrow.Data<arrow.List<arrow.Struct>> {
  const items = lists.flatMap((l) => l ?? []);
  const fields = [new arrow.Field('name', new arrow.Utf8(), true), new arrow.Field('first_year', new arrow.Int32(), true), new arrow.Field('last_year', new arrow.Int32(), true)];
  const struct = arrow.makeData({
    type: new arrow.Struct(fields), length: items.length, nullCount: 0,
    children: [utf8Column(items.map((a) => a.name)), int32Column(items.map((a) => a.first_year)), int32Column(items.map((a) => a.last_year))],
  });
  return listOf(lists, struct, new arrow.Field('item', new arrow.Struct(fields), true));
}

export function int64Column(values: readonly (bigint | number | null)[]): arrow.Data<arrow.Int64> {
  const { bitmap, nulls } = validity(values);
  const data = BigInt64Array.from(values, (v) => (v === null || v === undefined ? 0n : BigInt(v)));
  return arrow.makeData({ type: new arrow.Int64(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data });
}
