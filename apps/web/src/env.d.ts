/** Injected by Vite at build time from the workspace package.json. */
declare const __LAUFWEG_VERSION__: string;

// Packages of the bpmn.io toolkit without type declarations: the few entry points the app uses.
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: unknown;
  export const BpmnPropertiesProviderModule: unknown;
  export const ZeebePropertiesProviderModule: unknown;
}
declare module 'bpmn-js-bpmnlint' {
  const module: unknown;
  export default module;
}
declare module 'bpmn-js-token-simulation/lib/modeler' {
  const module: unknown;
  export default module;
}
declare module 'bpmn-js-token-simulation/lib/viewer' {
  const module: unknown;
  export default module;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: unknown;
  export default module;
}
declare module 'bpmnlint/lib/resolver/static-resolver' {
  export default class StaticResolver {
    constructor(cache: Record<string, unknown>);
  }
}
declare module 'bpmnlint/rules/*' {
  const rule: () => unknown;
  export default rule;
}
declare module 'dmn-js/lib/Modeler' {
  export default class DmnModeler {
    constructor(options: Record<string, unknown>);
    importXML(xml: string): Promise<unknown>;
    saveXML(options?: { format?: boolean }): Promise<unknown>;
    getViews(): unknown[];
    open(view: unknown): Promise<unknown>;
    destroy(): void;
  }
}
