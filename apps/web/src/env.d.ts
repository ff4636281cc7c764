/** Injected by Vite at build time from the workspace package.json. */
declare const __LAUFWEG_VERSION__: string;
