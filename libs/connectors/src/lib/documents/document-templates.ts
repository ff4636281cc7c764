import type { DocumentTemplate, TemplateName } from './document-template';
import { businessReceiptTemplate } from './templates/business-receipt.template';
import { certificateTemplate } from './templates/certificate.template';
import { dogTaxNoticeTemplate } from './templates/dog-tax-notice.template';
import { feeNoticeTemplate } from './templates/fee-notice.template';
import { parkingPermitTemplate } from './templates/parking-permit.template';
import { rejectionNoticeTemplate } from './templates/rejection-notice.template';
import { requestLetterTemplate } from './templates/request-letter.template';

/** Every template by name: one registry line per template. */
export const DOCUMENT_TEMPLATES: Readonly<Record<TemplateName, DocumentTemplate<never>>> = {
  certificate: certificateTemplate,
  'fee-notice': feeNoticeTemplate,
  'dog-tax-notice': dogTaxNoticeTemplate,
  'parking-permit': parkingPermitTemplate,
  'business-receipt': businessReceiptTemplate,
  'request-letter': requestLetterTemplate,
  'rejection-notice': rejectionNoticeTemplate,
};
