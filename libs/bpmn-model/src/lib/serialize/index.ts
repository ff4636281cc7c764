export { toXml } from './to-xml';
export type { ToXmlOptions } from './to-xml';
