/**
 * Ambient types for `bpmn-moddle` 10 (its package exports no declaration for the main entry).
 * Deliberately narrow and `unknown`-based: Laufweg code reads elements through the typed
 * helpers in `lib/moddle/moddle-element.ts`.
 */
declare module 'bpmn-moddle' {
  /** A property of a moddle type (the subset Laufweg reads). */
  export interface ModdlePropertyDescriptor {
    readonly name: string;
    readonly type: string;
    readonly isMany?: boolean;
    readonly isAttr?: boolean;
    readonly isReference?: boolean;
    readonly isBody?: boolean;
    readonly isVirtual?: boolean;
    readonly isId?: boolean;
    readonly default?: unknown;
    readonly ns: { readonly name: string; readonly prefix: string; readonly localName: string };
  }

  /** The descriptor of a moddle type; generic (unknown) elements carry `isGeneric`. */
  export interface ModdleTypeDescriptor {
    readonly name: string;
    readonly isGeneric?: boolean;
    readonly ns: { readonly prefix: string; readonly localName: string; readonly uri?: string };
    readonly properties?: readonly ModdlePropertyDescriptor[];
    readonly propertiesByName?: Readonly<Record<string, ModdlePropertyDescriptor>>;
  }

  /** Any element of a bpmn-moddle tree, known or generic. */
  export interface RawModdleElement {
    readonly $type: string;
    readonly $descriptor: ModdleTypeDescriptor;
    $parent?: RawModdleElement;
    $attrs?: Record<string, string>;
    $children?: RawModdleElement[];
    $body?: string;
    $instanceOf(type: string): boolean;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    readonly [property: string]: unknown;
  }

  /** A warning bpmn-moddle collects while importing. */
  export interface ModdleImportWarning {
    readonly message: string;
    readonly error?: Error;
    readonly element?: RawModdleElement;
    readonly property?: string;
    readonly value?: unknown;
  }

  export interface ModdleParseResult {
    readonly rootElement: RawModdleElement;
    readonly elementsById: Readonly<Record<string, RawModdleElement>>;
    readonly references: readonly unknown[];
    readonly warnings: readonly ModdleImportWarning[];
  }

  /** Rejection value of `fromXML`: an Error that carries the warnings seen so far. */
  export interface ModdleParseError extends Error {
    readonly warnings?: readonly ModdleImportWarning[];
  }

  export interface ModdleToXmlOptions {
    readonly format?: boolean;
    readonly preamble?: boolean;
  }

  export interface ModdlePackage {
    readonly name: string;
    readonly uri: string;
    readonly prefix: string;
  }

  export class BpmnModdle {
    constructor(
      packages?: Record<string, unknown>,
      options?: { readonly strict?: boolean; readonly nsMap?: Readonly<Record<string, string>> },
    );
    fromXML(xml: string, typeName?: string): Promise<ModdleParseResult>;
    toXML(element: RawModdleElement, options?: ModdleToXmlOptions): Promise<{ readonly xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): RawModdleElement;
    getPackage(uriOrPrefix: string): ModdlePackage | undefined;
    getPackages(): readonly ModdlePackage[];
    getTypeDescriptor(type: string): ModdleTypeDescriptor;
  }
}
