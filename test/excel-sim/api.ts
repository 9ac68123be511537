/**
 * The simulated Excel JS API: proxy objects with Office.js batch semantics over the model in
 * ./model.ts. Only the subset src/workbook/office.ts uses exists; anything else is a TypeError.
 *
 * Semantics copied from Office.js:
 * - Getters and methods only queue commands; nothing touches the document before `context.sync()`.
 * - `load("a,b")` marks properties; reading a property that was not loaded, or loaded but not yet
 *   synced, throws an error with code "PropertyNotLoaded". `load()` without names is refused
 *   (house rule). Setting a property queues a write applied at sync, in queue order.
 * - `*OrNullObject` results have `isNullObject` after the next sync. Using a null object in any
 *   command fails that sync ("InvalidOperation"); the adapter must test isNullObject first.
 * - `getItem` of a missing sheet fails the sync with "ItemNotFound"; adding a sheet whose name
 *   exists fails with "ItemAlreadyExists"; writing to a protected sheet fails with "AccessDenied".
 * - Each request is serialised as JSON (actions + object paths, like the real wire format) and
 *   its UTF-8 size recorded; over PAYLOAD_LIMIT it fails with "RequestPayloadSizeLimitExceeded"
 *   before anything is applied, as Excel on the web does. Responses over the limit fail with
 *   "ResponsePayloadSizeLimitExceeded".
 * - Commands before a failing one stay applied (Excel batches are not transactions).
 * - Writing values coerces strings as a da-DK Excel does when a user types them: "=…" and
 *   "+x"/"-x"/"@x" become formulas, numbers, dates ("01-02-2021", "2.3") and TRUE/FALSE are
 *   converted, "#N/A" becomes an error; a leading apostrophe keeps the rest as text.
 *   null leaves a cell unchanged; "" empties it.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  cellKey,
  findSheet,
  keyCol,
  keyRow,
  newSheet,
  overlaps,
  parseAddress,
  quoteSheetName,
  raiseSelectionChanged,
  rectAddress,
  type SelectionHandler,
  type Rect,
  type SimCell,
  type SimChart,
  type SimFormat,
  type SimPageLayout,
  type SimSheet,
  type SimWorkbook,
} from './model';

/** Excel on the web: 5 MB per request and per response. We use the stricter decimal reading. */
export const PAYLOAD_LIMIT = 5_000_000;

export class SimOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

const notLoaded = (prop: string) =>
  new SimOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

const NULL = Symbol('null-object');

interface PathNode {
  readonly id: number;
  readonly parent: PathNode | null;
  readonly wire: Record<string, unknown>;
  readonly resolver: () => unknown;
  readonly nullable: boolean;
  resolved?: { value: unknown };
}

interface Op {
  readonly wire: Record<string, unknown> | null;
  readonly node: PathNode;
  readonly exec: () => void;
}

export interface SimStats {
  syncCount: number;
  /** Every cell write (values, formats, clears, widths) by sheet and area, in order. */
  writes: { sheet: string; rects: Rect[] }[];
  requests: { bytes: number; actions: number }[];
  responses: { bytes: number }[];
  suspendCalculation: number;
}

export class SimContext {
  private queue: Op[] = [];
  private nextId = 1;
  private pendingLoads: { target: SimClientObject; data: Record<string, unknown> }[] = [];
  private nullChecks: SimClientObject[] = [];
  readonly workbook: SimWorkbookProxy;
  readonly application: SimApplication;

  constructor(
    readonly model: SimWorkbook,
    readonly stats: SimStats,
  ) {
    const root = this.node(null, { ObjectPathType: 1, Name: 'workbook' }, () => model, false);
    this.workbook = new SimWorkbookProxy(this, root);
    this.application = this.workbook.application;
  }

  node(
    parent: PathNode | null,
    wire: Record<string, unknown>,
    resolver: () => unknown,
    nullable: boolean,
  ): PathNode {
    return { id: this.nextId++, parent, wire: { Id: 0, ...wire }, resolver, nullable };
  }

  /** Resolves a path to its document object; throws for null objects and deleted sheets. */
  target<T>(node: PathNode): T {
    if (node.parent) this.target(node.parent);
    if (!node.resolved) node.resolved = { value: node.resolver() };
    const v = node.resolved.value;
    if (v === NULL) {
      throw new SimOfficeError('InvalidOperation', 'The object is a null object; check isNullObject first.');
    }
    if (isSheet(v) && v.deleted)
      throw new SimOfficeError('ItemNotFound', `The worksheet ${v.name} was deleted.`);
    return v as T;
  }

  hasPending(): boolean {
    return this.queue.some((op) => op.wire !== null);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  watchNull(obj: SimClientObject): void {
    this.nullChecks.push(obj);
    this.queue.push({
      wire: null,
      node: obj._node,
      exec: () => {
        const n = obj._node;
        if (n.parent) this.target(n.parent);
        if (!n.resolved) n.resolved = { value: n.resolver() };
      },
    });
  }

  addLoad(target: SimClientObject, data: Record<string, unknown>): void {
    this.pendingLoads.push({ target, data });
  }

  /** Serialises the queued commands like the Office wire format, for size measurement. */
  private serialise(ops: readonly Op[]): string {
    const paths: Record<number, unknown> = {};
    const addPath = (n: PathNode | null) => {
      for (let p = n; p && !(p.id in paths); p = p.parent) {
        paths[p.id] = { ...p.wire, Id: p.id, ParentObjectPathId: p.parent?.id };
      }
    };
    const actions: unknown[] = [];
    let id = 1;
    for (const op of ops) {
      addPath(op.node);
      if (op.wire) actions.push({ Id: id++, ObjectPathId: op.node.id, ...op.wire });
    }
    return JSON.stringify({ Actions: actions, ObjectPaths: paths });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const checks = this.nullChecks;
    this.nullChecks = [];
    this.pendingLoads = [];
    this.stats.syncCount += 1;
    const request = this.serialise(ops);
    const bytes = Buffer.byteLength(request, 'utf8');
    this.stats.requests.push({ bytes, actions: ops.length });
    await Promise.resolve();
    if (this.model.cellEditMode) {
      throw new SimOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    }
    if (bytes > PAYLOAD_LIMIT) {
      throw new SimOfficeError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    }
    for (const op of ops) op.exec();
    const loads = this.pendingLoads;
    this.pendingLoads = [];
    const responseBytes = Buffer.byteLength(JSON.stringify(loads.map((l) => l.data)), 'utf8');
    this.stats.responses.push({ bytes: responseBytes });
    if (responseBytes > PAYLOAD_LIMIT) {
      throw new SimOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
    }
    for (const obj of checks) obj._isNull = obj._node.resolved?.value === NULL;
    for (const l of loads) l.target._commit(l.data);
  }
}

function isSheet(v: unknown): v is SimSheet {
  return typeof v === 'object' && v !== null && 'cells' in v && 'visibility' in v;
}

function parseLoad(props: unknown): string[] {
  if (typeof props === 'string')
    return props
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
  if (Array.isArray(props)) return props.map(String);
  if (props && typeof props === 'object' && 'select' in props) return parseLoad(props.select);
  throw new TypeError('load() needs property names (house rule: never load everything).');
}

abstract class SimClientObject {
  _data: Record<string, unknown> = {};
  _isNull: boolean | undefined;
  constructor(
    readonly context: SimContext,
    readonly _node: PathNode,
  ) {
    if (_node.nullable) context.watchNull(this);
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded('isNullObject');
    return this._isNull;
  }

  load(props?: string | string[] | { select?: string }): this {
    const names = parseLoad(props);
    this.context.enqueue({
      wire: { ActionType: 2, QueryInfo: { Select: names } },
      node: this._node,
      exec: () => {
        // A query on a null object is allowed: it just reports isNullObject (no properties).
        const n = this._node;
        if (n.nullable) {
          if (n.parent) this.context.target(n.parent);
          if (!n.resolved) n.resolved = { value: n.resolver() };
          if (n.resolved.value === NULL) return;
        }
        const t = this.context.target(this._node);
        this.context.addLoad(this, this._collect(t, names));
      },
    });
    return this;
  }

  /** Reads the named properties from the document object, at the command's place in the batch. */
  protected _collect(_target: unknown, names: string[]): Record<string, unknown> {
    throw new TypeError(`${this.constructor.name} cannot load ${names.join(',')}`);
  }

  _commit(data: Record<string, unknown>): void {
    Object.assign(this._data, data);
  }

  protected _get<T>(prop: string): T {
    if (!(prop in this._data)) throw notLoaded(prop);
    return this._data[prop] as T;
  }

  /** Queues a property write or a method call applied at sync. */
  protected _queue(
    kind: 'set' | 'call',
    name: string,
    args: unknown[],
    apply: (target: never) => void,
  ): void {
    this.context.enqueue({
      wire:
        kind === 'set'
          ? { ActionType: 4, Name: name, ArgumentInfo: { Arguments: args } }
          : { ActionType: 3, Name: name, ArgumentInfo: { Arguments: args } },
      node: this._node,
      exec: () => apply(this.context.target<never>(this._node)),
    });
  }

  protected _child(name: string, args: unknown[], resolver: () => unknown, nullable = false): PathNode {
    return this.context.node(
      this._node,
      { ObjectPathType: args.length ? 3 : 4, Name: name, ArgumentInfo: { Arguments: args } },
      resolver,
      nullable,
    );
  }
}

// ---------------------------------------------------------------------------
// Workbook, application, functions
// ---------------------------------------------------------------------------

export class SimWorkbookProxy extends SimClientObject {
  readonly worksheets: SimWorksheetCollection;
  readonly application: SimApplication;
  readonly functions: SimFunctions;
  constructor(ctx: SimContext, node: PathNode) {
    super(ctx, node);
    this.worksheets = new SimWorksheetCollection(
      ctx,
      this._child('worksheets', [], () => ctx.model),
    );
    this.application = new SimApplication(
      ctx,
      this._child('application', [], () => ctx.model),
    );
    this.functions = new SimFunctions(
      ctx,
      this._child('functions', [], () => ctx.model),
    );
  }
}

export class SimApplication extends SimClientObject {
  suspendApiCalculationUntilNextSync(): void {
    this._queue('call', 'suspendApiCalculationUntilNextSync', [], () => {
      this.context.stats.suspendCalculation += 1;
    });
  }
}

class SimFunctionResult extends SimClientObject {
  get value(): unknown {
    return this._get('value');
  }
  protected override _collect(target: { value: number }, names: string[]): Record<string, unknown> {
    return Object.fromEntries(names.map((n) => [n, n === 'value' ? target.value : undefined]));
  }
}

export class SimFunctions extends SimClientObject {
  /** Excel's DATE(): the serial of a date in the workbook's date system. */
  date(year: number, month: number, day: number): SimFunctionResult {
    const model = this.context.model;
    return new SimFunctionResult(
      this.context,
      this._child('date', [year, month, day], () => {
        const ms = Date.UTC(year, month - 1, day);
        const serial1900 = ms / 86400000 + 25569;
        return { value: model.date1904 ? serial1900 - 1462 : serial1900 };
      }),
    );
  }
}

// ---------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------

const BAD_NAME = /[[\]:*?/\\]/;

export class SimWorksheetCollection extends SimClientObject {
  private _items: SimWorksheet[] | undefined;

  get items(): SimWorksheet[] {
    if (!this._items) throw notLoaded('items');
    return this._items;
  }

  protected override _collect(target: SimWorkbook, names: string[]): Record<string, unknown> {
    const props = names.map((n) => {
      if (!n.startsWith('items/')) throw new TypeError(`Worksheets cannot load ${n}`);
      return n.slice('items/'.length);
    });
    return {
      items: target.sheets
        .filter((s) => !s.deleted)
        .map((s) => ({ id: s.id, ...Object.fromEntries(props.map((p) => [p, sheetProp(s, p)])) })),
    };
  }

  override _commit(data: Record<string, unknown>): void {
    const items = data.items as ({ id: number } & Record<string, unknown>)[];
    this._items = items.map((d) => {
      const ws = new SimWorksheet(
        this.context,
        this._child('_GetItem', [d.id], () => this.context.model.sheets.find((s) => s.id === d.id) ?? NULL),
      );
      const { id: _id, ...rest } = d;
      ws._commit(rest);
      return ws;
    });
  }

  getItem(name: string): SimWorksheet {
    return new SimWorksheet(
      this.context,
      this._child('getItem', [name], () => {
        const s = findSheet(this.context.model, name);
        if (!s || s.deleted)
          throw new SimOfficeError('ItemNotFound', `The requested resource doesn't exist: ${name}`);
        return s;
      }),
    );
  }

  getItemOrNullObject(name: string): SimWorksheet {
    return new SimWorksheet(
      this.context,
      this._child(
        'getItemOrNullObject',
        [name],
        () => {
          const s = findSheet(this.context.model, name);
          return s && !s.deleted ? s : NULL;
        },
        true,
      ),
    );
  }

  add(name: string): SimWorksheet {
    const node = this._child('add', [name], () => {
      const model = this.context.model;
      if (name.length === 0 || name.length > 31 || BAD_NAME.test(name)) {
        throw new SimOfficeError('InvalidArgument', `Invalid sheet name: ${name}`);
      }
      const existing = findSheet(model, name);
      if (existing && !existing.deleted)
        throw new SimOfficeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
      return newSheet(model, name);
    });
    const ws = new SimWorksheet(this.context, node);
    // worksheets.add is an action: it runs at its place in the batch even if nothing else uses it.
    this.context.enqueue({
      wire: { ActionType: 3, Name: 'add', ArgumentInfo: { Arguments: [name] } },
      node,
      exec: () => this.context.target(node),
    });
    return ws;
  }
}

function sheetProp(s: SimSheet, p: string): unknown {
  switch (p) {
    case 'name':
      return s.name;
    case 'visibility':
      return s.visibility;
    case 'id':
      return `{sheet-${s.id}}`;
    case 'position':
      return s.id;
    default:
      throw new TypeError(`Worksheet cannot load ${p}`);
  }
}

/** Refuses writes to a protected sheet; records every write's area in stats.writes for tests. */
function assertWritable(sheet: SimSheet, ctx?: SimContext, rects: readonly Rect[] = []): void {
  if (sheet.protected) throw new SimOfficeError('AccessDenied', `The sheet ${sheet.name} is protected.`);
  ctx?.stats.writes.push({ sheet: sheet.name, rects: rects.map((r) => ({ ...r })) });
}

export class SimWorksheet extends SimClientObject {
  get name(): string {
    return this._get('name');
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new TypeError(`Bad visibility ${v}`);
    this._queue('set', 'visibility', [v], (s: SimSheet) => {
      if (v !== 'Visible') {
        const others = this.context.model.sheets.filter(
          (o) => o !== s && !o.deleted && o.visibility === 'Visible',
        );
        if (others.length === 0)
          throw new SimOfficeError('InvalidOperation', 'A workbook must keep a visible sheet.');
      }
      s.visibility = v;
    });
  }

  protected override _collect(target: SimSheet, names: string[]): Record<string, unknown> {
    return Object.fromEntries(names.map((n) => [n, sheetProp(target, n)]));
  }

  delete(): void {
    this._queue('call', 'delete', [], (s: SimSheet) => {
      const others = this.context.model.sheets.filter(
        (o) => o !== s && !o.deleted && o.visibility === 'Visible',
      );
      if (others.length === 0)
        throw new SimOfficeError('InvalidOperation', 'Cannot delete the last visible sheet.');
      s.deleted = true;
      this.context.model.sheets = this.context.model.sheets.filter((o) => o !== s);
    });
  }

  /** getRange() without an address is the whole sheet. */
  getRange(address?: string): SimRange {
    const rect =
      address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } : parseAddress(address);
    return new SimRange(
      this.context,
      this._child('getRange', address === undefined ? [] : [address], () => ({
        sheet: this.context.target<SimSheet>(this._node),
        rects: [rect],
      })),
    );
  }

  activate(): void {
    this._queue('call', 'activate', [], (s: SimSheet) => {
      if (s.visibility !== 'Visible')
        throw new SimOfficeError('InvalidOperation', 'Cannot activate a hidden sheet.');
      this.context.model.activeSheet = s.name;
    });
  }

  getRanges(address: string): SimRangeAreas {
    const rects = address.split(',').map(parseAddress);
    return new SimRangeAreas(
      this.context,
      this._child('getRanges', [address], () => ({
        sheet: this.context.target<SimSheet>(this._node),
        rects,
      })),
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return new SimRange(
      this.context,
      this._child(
        'getUsedRangeOrNullObject',
        [valuesOnly ?? false],
        () => {
          const sheet = this.context.target<SimSheet>(this._node);
          const rect = usedRect(sheet, valuesOnly ?? false);
          return rect ? { sheet, rects: [rect] } : NULL;
        },
        true,
      ),
    );
  }

  get freezePanes(): SimFreezePanes {
    return new SimFreezePanes(
      this.context,
      this._child('freezePanes', [], () => this.context.target(this._node)),
    );
  }

  /** Worksheet.pageLayout (ExcelApi 1.9). */
  get pageLayout(): SimPageLayoutProxy {
    return new SimPageLayoutProxy(
      this.context,
      this._child('pageLayout', [], () => this.context.target(this._node)),
    );
  }

  get charts(): SimChartCollection {
    return new SimChartCollection(
      this.context,
      this._child('charts', [], () => this.context.target(this._node)),
    );
  }

  /** Worksheet.onSelectionChanged (ExcelApi 1.7): add() registers at the next sync. */
  get onSelectionChanged(): SimEventHandlers {
    return new SimEventHandlers(this.context, this._node);
  }
}

/**
 * OfficeExtension.EventHandlers for Worksheet.onSelectionChanged. add() queues the registration
 * (active once synced) and returns an EventHandlerResult whose remove() queues the removal on the
 * same request context, to be synced by the caller (Excel.run(result.context, …) in Office.js).
 */
class SimEventHandlers {
  constructor(
    private readonly context: SimContext,
    private readonly node: PathNode,
  ) {}

  add(handler: SelectionHandler): SimEventHandlerResult {
    let registered: SimSheet | null = null;
    this.context.enqueue({
      wire: {
        ActionType: 3,
        Name: '_RegisterEventHandler',
        ArgumentInfo: { Arguments: ['SelectionChanged'] },
      },
      node: this.node,
      exec: () => {
        const sheet = this.context.target<SimSheet>(this.node);
        (sheet.selectionHandlers ??= []).push(handler);
        registered = sheet;
      },
    });
    return new SimEventHandlerResult(this.context, this.node, () => {
      const sheet = registered;
      if (sheet) sheet.selectionHandlers = (sheet.selectionHandlers ?? []).filter((h) => h !== handler);
    });
  }
}

class SimEventHandlerResult {
  constructor(
    readonly context: SimContext,
    private readonly node: PathNode,
    private readonly unregister: () => void,
  ) {}

  remove(): void {
    this.context.enqueue({
      wire: {
        ActionType: 3,
        Name: '_UnregisterEventHandler',
        ArgumentInfo: { Arguments: ['SelectionChanged'] },
      },
      node: this.node,
      exec: this.unregister,
    });
  }
}

function usedRect(sheet: SimSheet, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const [key, cell] of sheet.cells) {
    const has =
      cell.value !== null ||
      (!valuesOnly && (cell.numberFormat !== 'General' || Object.keys(cell.format).length > 0));
    if (!has) continue;
    const row = keyRow(key);
    const col = keyCol(key);
    if (!r) r = { top: row, bottom: row, left: col, right: col };
    else {
      r.top = Math.min(r.top, row);
      r.bottom = Math.max(r.bottom, row);
      r.left = Math.min(r.left, col);
      r.right = Math.max(r.right, col);
    }
  }
  return r;
}

/** Excel.PaperType values (the common ones; any other is rejected as Excel rejects an unknown enum). */
const PAPER_TYPES = new Set([
  'Letter',
  'LetterSmall',
  'Tabloid',
  'Ledger',
  'Legal',
  'Statement',
  'Executive',
  'A3',
  'A4',
  'A4Small',
  'A5',
  'B4',
  'B5',
]);

type Margin = 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin';

/**
 * Excel.PageLayout: property writes queue and apply at sync (enum values and ranges checked as
 * Excel does, InvalidArgument otherwise); reads need load() + sync(); zoom is set as a whole
 * object (scale, or pages wide/tall); setPrintTitleRows takes whole rows ("$3:$3").
 */
class SimPageLayoutProxy extends SimClientObject {
  protected override _collect(target: SimSheet, names: string[]): Record<string, unknown> {
    const pl = target.pageLayout;
    return Object.fromEntries(
      names.map((n) => {
        if (!(n in pl) || n === 'printTitleRows') throw new TypeError(`PageLayout cannot load ${n}`);
        const v = pl[n as keyof SimPageLayout];
        return [n, typeof v === 'object' && v !== null ? { ...v } : v];
      }),
    );
  }

  private _set<K extends keyof SimPageLayout>(name: K, v: SimPageLayout[K], check: () => void): void {
    this._queue('set', name, [v], (s: SimSheet) => {
      check();
      s.pageLayout[name] = v;
    });
  }

  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    this._set('orientation', v as SimPageLayout['orientation'], () => {
      if (v !== 'Portrait' && v !== 'Landscape')
        throw new SimOfficeError('InvalidArgument', `Bad orientation ${v}`);
    });
  }
  get paperSize(): string {
    return this._get('paperSize');
  }
  set paperSize(v: string) {
    this._set('paperSize', v, () => {
      if (!PAPER_TYPES.has(v)) throw new SimOfficeError('InvalidArgument', `Bad paper size ${v}`);
    });
  }
  get zoom(): SimPageLayout['zoom'] {
    return this._get('zoom');
  }
  set zoom(v: SimPageLayout['zoom']) {
    const fit = v.horizontalFitToPages != null || v.verticalFitToPages != null;
    const stored = fit
      ? {
          scale: null,
          horizontalFitToPages: v.horizontalFitToPages ?? null,
          verticalFitToPages: v.verticalFitToPages ?? null,
        }
      : { scale: v.scale ?? null, horizontalFitToPages: null, verticalFitToPages: null };
    this._set('zoom', stored, () => {
      const pages = [stored.horizontalFitToPages, stored.verticalFitToPages];
      if (fit && v.scale != null)
        throw new SimOfficeError('InvalidArgument', 'Zoom: scale or pages, not both.');
      if (pages.some((p) => p !== null && (!Number.isInteger(p) || p < 0)))
        throw new SimOfficeError('InvalidArgument', 'Zoom: pages must be whole numbers ≥ 0.');
      if (!fit && (stored.scale === null || stored.scale < 10 || stored.scale > 400))
        throw new SimOfficeError('InvalidArgument', 'Zoom: scale must be 10–400.');
    });
  }

  get leftMargin(): number {
    return this._get('leftMargin');
  }
  set leftMargin(v: number) {
    this._margin('leftMargin', v);
  }
  get rightMargin(): number {
    return this._get('rightMargin');
  }
  set rightMargin(v: number) {
    this._margin('rightMargin', v);
  }
  get topMargin(): number {
    return this._get('topMargin');
  }
  set topMargin(v: number) {
    this._margin('topMargin', v);
  }
  get bottomMargin(): number {
    return this._get('bottomMargin');
  }
  set bottomMargin(v: number) {
    this._margin('bottomMargin', v);
  }
  get headerMargin(): number {
    return this._get('headerMargin');
  }
  set headerMargin(v: number) {
    this._margin('headerMargin', v);
  }
  get footerMargin(): number {
    return this._get('footerMargin');
  }
  set footerMargin(v: number) {
    this._margin('footerMargin', v);
  }

  private _margin(name: Margin, v: number): void {
    this._set(name, v, () => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw new SimOfficeError('InvalidArgument', `Bad ${name} ${String(v)}`);
    });
  }

  setPrintTitleRows(rows: string): void {
    this._queue('call', 'setPrintTitleRows', [rows], (s: SimSheet) => {
      const m = /^\$?(\d+):\$?(\d+)$/.exec(rows);
      if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1]))
        throw new SimOfficeError('InvalidArgument', `Print title rows must be whole rows: ${rows}`);
      s.pageLayout.printTitleRows = `$${m[1]}:$${m[2]}`;
    });
  }
}

class SimFreezePanes extends SimClientObject {
  freezeRows(count: number): void {
    this._queue('call', 'freezeRows', [count], (s: SimSheet) => {
      s.freezeRows = count;
    });
  }
  unfreeze(): void {
    this._queue('call', 'unfreeze', [], (s: SimSheet) => {
      s.freezeRows = 0;
    });
  }
}

// ---------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------

interface RangeTarget {
  sheet: SimSheet;
  rects: Rect[];
}

function forEachCell(rects: readonly Rect[], fn: (row: number, col: number) => void): void {
  for (const r of rects)
    for (let row = r.top; row <= r.bottom; row++) for (let c = r.left; c <= r.right; c++) fn(row, c);
}

function cellAt(sheet: SimSheet, row: number, col: number, create: true): SimCell;
function cellAt(sheet: SimSheet, row: number, col: number, create?: false): SimCell | undefined;
function cellAt(sheet: SimSheet, row: number, col: number, create = false): SimCell | undefined {
  const key = cellKey(row, col);
  let c = sheet.cells.get(key);
  if (!c && create) {
    c = { value: null, numberFormat: 'General', format: {} };
    sheet.cells.set(key, c);
  }
  return c;
}

const DATE_DMY = /^(\d{1,2})([-./])(\d{1,2})\2(\d{2}|\d{4})$/;
const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATE_DM = /^(\d{1,2})[./-](\d{1,2})$/;
const NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)(e[+-]?\d+)?%?$/i;
const ERRORS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!']);

function serialOf(y: number, m: number, d: number, date1904: boolean): number | null {
  const ms = Date.UTC(y, m - 1, d);
  const dt = new Date(ms);
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return ms / 86400000 + 25569 - (date1904 ? 1462 : 0);
}

/** Writes one input value into a cell the way Excel's Range.values setter does (da-DK). */
function writeValue(cell: SimCell, v: unknown, date1904: boolean): void {
  delete cell.error;
  delete cell.formula;
  delete cell.format.quotePrefix;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new SimOfficeError('InvalidArgument', 'Numbers must be finite.');
    cell.value = v;
    return;
  }
  if (typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  if (typeof v !== 'string') throw new SimOfficeError('InvalidArgument', `Unsupported value ${String(v)}`);
  if (v === '') {
    cell.value = null;
    return;
  }
  if (v.startsWith("'")) {
    cell.value = v.slice(1) === '' ? null : v.slice(1);
    cell.format.quotePrefix = true;
    return;
  }
  const t = v.trim();
  if (NUMBER.test(t)) {
    const pct = t.endsWith('%');
    const n = Number(t.replace('%', '').replace(',', '.'));
    cell.value = pct ? n / 100 : n;
    if (pct && cell.numberFormat === 'General') cell.numberFormat = '0%';
    return;
  }
  if (/^[=+\-@]/.test(t)) {
    cell.formula = t.startsWith('=') ? t : `=${t}`;
    cell.value = '#NAME?';
    cell.error = '#NAME?';
    return;
  }
  if (/^(true|false|sand|falsk)$/i.test(t)) {
    cell.value = /^(true|sand)$/i.test(t);
    return;
  }
  if (ERRORS.has(t.toUpperCase())) {
    cell.value = t.toUpperCase();
    cell.error = t.toUpperCase();
    return;
  }
  let serial: number | null = null;
  let m = DATE_DMY.exec(t);
  if (m) {
    const y = Number(m[4]);
    serial = serialOf(y < 100 ? 2000 + y : y, Number(m[3]), Number(m[1]), date1904);
  } else if ((m = DATE_ISO.exec(t))) {
    serial = serialOf(Number(m[1]), Number(m[2]), Number(m[3]), date1904);
  } else if ((m = DATE_DM.exec(t))) {
    serial = serialOf(new Date().getUTCFullYear(), Number(m[2]), Number(m[1]), date1904);
  }
  if (serial !== null) {
    cell.value = serial;
    if (cell.numberFormat === 'General') cell.numberFormat = 'dd-mm-yyyy';
    return;
  }
  cell.value = v;
}

function readValue(cell: SimCell | undefined): unknown {
  return cell?.value ?? '';
}

function valueType(cell: SimCell | undefined): string {
  if (!cell || cell.value === null) return 'Empty';
  if (cell.error !== undefined) return 'Error';
  if (typeof cell.value === 'number') return 'Double';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return 'String';
}

/** Checks the input has the range's shape (or is a single value, which Excel applies to every cell). */
function grid(input: unknown, rect: Rect): (r: number, c: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new SimOfficeError(
      'InvalidArgument',
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  return (r, c) => (input[r - rect.top] as unknown[])[c - rect.left];
}

export class SimRange extends SimClientObject {
  get address(): string {
    return this._get('address');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._queue('set', 'values', [v], (t: RangeTarget) => {
      assertWritable(t.sheet, this.context, t.rects);
      const rect = t.rects[0] as Rect;
      const at = grid(v, rect);
      forEachCell([rect], (row, col) => {
        const x = at(row, col);
        if (x === null || x === undefined) return; // Office.js: null leaves the cell unchanged
        writeValue(cellAt(t.sheet, row, col, true), x, this.context.model.date1904);
      });
    });
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._queue('set', 'numberFormat', [v], (t: RangeTarget) => {
      assertWritable(t.sheet, this.context, t.rects);
      const rect = t.rects[0] as Rect;
      const at = grid(v, rect);
      forEachCell([rect], (row, col) => {
        const x = at(row, col);
        if (x === null || x === undefined) return;
        cellAt(t.sheet, row, col, true).numberFormat = String(x);
      });
    });
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }

  protected override _collect(t: RangeTarget, names: string[]): Record<string, unknown> {
    const rect = t.rects[0] as Rect;
    const matrix = (fn: (c: SimCell | undefined) => unknown) => {
      const out: unknown[][] = [];
      for (let row = rect.top; row <= rect.bottom; row++) {
        const line: unknown[] = [];
        for (let col = rect.left; col <= rect.right; col++) line.push(fn(cellAt(t.sheet, row, col)));
        out.push(line);
      }
      return out;
    };
    return Object.fromEntries(
      names.map((n) => {
        switch (n) {
          case 'address':
            return [n, `${quoteSheetName(t.sheet.name)}!${rectAddress(rect)}`];
          case 'values':
            return [n, matrix(readValue)];
          case 'numberFormat':
            return [n, matrix((c) => c?.numberFormat ?? 'General')];
          case 'valueTypes':
            return [n, matrix(valueType)];
          case 'formulas':
            return [n, matrix((c) => c?.formula ?? readValue(c))];
          case 'rowCount':
            return [n, rect.bottom - rect.top + 1];
          case 'columnCount':
            return [n, rect.right - rect.left + 1];
          default:
            throw new TypeError(`Range cannot load ${n}`);
        }
      }),
    );
  }

  get format(): SimRangeFormat {
    return new SimRangeFormat(
      this.context,
      this._child('format', [], () => this.context.target(this._node)),
    );
  }

  get dataValidation(): SimDataValidation {
    return new SimDataValidation(
      this.context,
      this._child('dataValidation', [], () => this.context.target(this._node)),
    );
  }

  clear(applyTo: string = 'All'): void {
    this._queue('call', 'clear', [applyTo], (t: RangeTarget) => {
      assertWritable(t.sheet, this.context, t.rects);
      forEachCell(t.rects, (row, col) => {
        const key = cellKey(row, col);
        const c = t.sheet.cells.get(key);
        if (!c) return;
        if (applyTo === 'All') t.sheet.cells.delete(key);
        else if (applyTo === 'Contents') {
          c.value = null;
          delete c.formula;
          delete c.error;
        } else if (applyTo === 'Formats') {
          c.numberFormat = 'General';
          c.format = {};
        } else throw new SimOfficeError('InvalidArgument', `clear(${applyTo})`);
      });
    });
  }

  select(): void {
    this._queue('call', 'select', [], (t: RangeTarget) => {
      const address = rectAddress(t.rects[0] as Rect);
      this.context.model.selection = `${t.sheet.name}!${address}`;
      // Excel raises the selection event for the add-in's own select() too.
      raiseSelectionChanged(this.context.model, t.sheet, address);
    });
  }

  getMergedAreasOrNullObject(): SimRangeAreas {
    return new SimRangeAreas(
      this.context,
      this._child(
        'getMergedAreasOrNullObject',
        [],
        () => {
          const t = this.context.target<RangeTarget>(this._node);
          const rects = t.sheet.merges.filter((m) => t.rects.some((r) => overlaps(r, m)));
          return rects.length ? { sheet: t.sheet, rects } : NULL;
        },
        true,
      ),
    );
  }
}

export class SimRangeAreas extends SimClientObject {
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  protected override _collect(t: RangeTarget, names: string[]): Record<string, unknown> {
    return Object.fromEntries(
      names.map((n) => {
        if (n === 'address')
          return [n, t.rects.map((r) => `${quoteSheetName(t.sheet.name)}!${rectAddress(r)}`).join(',')];
        if (n === 'areaCount') return [n, t.rects.length];
        throw new TypeError(`RangeAreas cannot load ${n}`);
      }),
    );
  }
  get format(): SimRangeFormat {
    return new SimRangeFormat(
      this.context,
      this._child('format', [], () => this.context.target(this._node)),
    );
  }
}

// ---------------------------------------------------------------------------
// Formats, validation
// ---------------------------------------------------------------------------

function formatCells(ctx: SimContext, t: RangeTarget, fn: (f: SimFormat) => void): void {
  assertWritable(t.sheet, ctx, t.rects);
  forEachCell(t.rects, (row, col) => fn(cellAt(t.sheet, row, col, true).format));
}

export class SimRangeFormat extends SimClientObject {
  set columnWidth(points: number) {
    this._queue('set', 'columnWidth', [points], (t: RangeTarget) => {
      assertWritable(t.sheet, this.context, t.rects);
      for (const r of t.rects)
        for (let c = r.left; c <= Math.min(r.right, MAX_COLS); c++) t.sheet.columnWidths.set(c, points);
    });
  }
  /** Range.format.rowHeight (points) on whole rows: a custom height for each. */
  set rowHeight(points: number) {
    this._queue('set', 'rowHeight', [points], (t: RangeTarget) => {
      assertWritable(t.sheet, this.context, t.rects);
      if (!Number.isFinite(points) || points < 0 || points > 409)
        throw new SimOfficeError('InvalidArgument', `Bad row height ${points}`);
      for (const r of t.rects) {
        if (r.bottom - r.top > 100_000) throw new SimOfficeError('InvalidArgument', 'Too many rows.');
        for (let row = r.top; row <= r.bottom; row++) t.sheet.rowHeights.set(row, points);
      }
    });
  }
  set wrapText(v: boolean) {
    this._queue('set', 'wrapText', [v], (t: RangeTarget) =>
      formatCells(this.context, t, (f) => (f.wrapText = v)),
    );
  }
  set horizontalAlignment(v: string) {
    this._queue('set', 'horizontalAlignment', [v], (t: RangeTarget) =>
      formatCells(this.context, t, (f) => (f.horizontalAlignment = v)),
    );
  }
  get fill(): { color: string } {
    const ctx = this.context;
    const node = this._child('fill', [], () => this.context.target(this._node));
    const queue = (name: string, args: unknown[], apply: (t: RangeTarget) => void) =>
      this.context.enqueue({
        wire: { ActionType: 4, Name: name, ArgumentInfo: { Arguments: args } },
        node,
        exec: () => apply(this.context.target(node)),
      });
    return {
      set color(v: string) {
        queue('color', [v], (t) => formatCells(ctx, t, (f) => (f.fill = v)));
      },
      get color(): string {
        throw notLoaded('color');
      },
    };
  }
  get font(): { color: string; bold: boolean; italic: boolean; size: number } {
    const node = this._child('font', [], () => this.context.target(this._node));
    const set = (
      name: 'fontColor' | 'bold' | 'italic' | 'size',
      wireName: string,
      v: string | boolean | number,
    ) =>
      this.context.enqueue({
        wire: { ActionType: 4, Name: wireName, ArgumentInfo: { Arguments: [v] } },
        node,
        exec: () =>
          formatCells(this.context, this.context.target<RangeTarget>(node), (f) => {
            (f as Record<string, unknown>)[name] = v;
          }),
      });
    return {
      set color(v: string) {
        set('fontColor', 'color', v);
      },
      get color(): string {
        throw notLoaded('color');
      },
      set bold(v: boolean) {
        set('bold', 'bold', v);
      },
      get bold(): boolean {
        throw notLoaded('bold');
      },
      set italic(v: boolean) {
        set('italic', 'italic', v);
      },
      get italic(): boolean {
        throw notLoaded('italic');
      },
      set size(v: number) {
        set('size', 'size', v);
      },
      get size(): number {
        throw notLoaded('size');
      },
    };
  }
  get borders(): { getItem(index: string): { style: string; color: string } } {
    const bordersNode = this._child('borders', [], () => this.context.target(this._node));
    return {
      getItem: (index: string) => {
        const node = this.context.node(
          bordersNode,
          { ObjectPathType: 3, Name: 'getItem', ArgumentInfo: { Arguments: [index] } },
          () => this.context.target(bordersNode),
          false,
        );
        const set = (prop: string, v: string) =>
          this.context.enqueue({
            wire: { ActionType: 4, Name: prop, ArgumentInfo: { Arguments: [v] } },
            node,
            exec: () =>
              formatCells(this.context, this.context.target<RangeTarget>(node), (f) => {
                if (prop === 'style') f.borders = { ...f.borders, [index]: v };
              }),
          });
        return {
          set style(v: string) {
            set('style', v);
          },
          get style(): string {
            throw notLoaded('style');
          },
          set color(v: string) {
            set('color', v);
          },
          get color(): string {
            throw notLoaded('color');
          },
        };
      },
    };
  }
}

class SimDataValidation extends SimClientObject {
  set rule(rule: unknown) {
    this._queue('set', 'rule', [rule], (t: RangeTarget) => {
      assertWritable(t.sheet, this.context, t.rects);
      const list = (rule as { list?: { source?: unknown } }).list;
      if (!list || typeof list.source !== 'string' || list.source.length > 255) {
        // Excel limits a literal list source to 255 characters.
        throw new SimOfficeError('InvalidArgument', 'Invalid list validation rule.');
      }
      for (const r of t.rects) t.sheet.validations.push({ rect: r, rule });
    });
  }
  set errorAlert(alert: unknown) {
    this._queue('set', 'errorAlert', [alert], (t: RangeTarget) => {
      assertWritable(t.sheet, this.context, t.rects);
      for (const v of t.sheet.validations) if (t.rects.some((r) => overlaps(r, v.rect))) v.errorAlert = alert;
    });
  }
  clear(): void {
    this._queue('call', 'clear', [], (t: RangeTarget) => {
      assertWritable(t.sheet, this.context, t.rects);
      t.sheet.validations = t.sheet.validations.filter((v) => !t.rects.some((r) => overlaps(r, v.rect)));
    });
  }
}

// ---------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------

class SimChartCollection extends SimClientObject {
  add(type: string, sourceData: SimRange, seriesBy: string = 'Auto'): SimChartProxy {
    const node = this._child('add', [type, sourceData._node.id, seriesBy], () => {
      const sheet = this.context.target<SimSheet>(this._node);
      const src = this.context.target<RangeTarget>(sourceData._node);
      const chart: SimChart = {
        type,
        source: `${src.sheet.name}!${rectAddress(src.rects[0] as Rect)}`,
        seriesBy,
        title: null,
        position: null,
      };
      sheet.charts.push(chart);
      return chart;
    });
    this.context.enqueue({
      wire: { ActionType: 3, Name: 'add' },
      node,
      exec: () => this.context.target(node),
    });
    return new SimChartProxy(this.context, node);
  }
}

class SimChartProxy extends SimClientObject {
  get title(): { text: string } {
    const node = this._child('title', [], () => this.context.target(this._node));
    const ctx = this.context;
    return {
      set text(v: string) {
        ctx.enqueue({
          wire: { ActionType: 4, Name: 'text', ArgumentInfo: { Arguments: [v] } },
          node,
          exec: () => {
            ctx.target<SimChart>(node).title = v;
          },
        });
      },
      get text(): string {
        throw notLoaded('text');
      },
    };
  }
  setPosition(startCell: string, endCell?: string): void {
    this._queue('call', 'setPosition', [startCell, endCell ?? null], (c: SimChart) => {
      c.position = { start: startCell, end: endCell ?? null };
    });
  }
}
