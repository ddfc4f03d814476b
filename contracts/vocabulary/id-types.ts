/** ID document types: one list for the accounts' real-name record, the application and the pages. */

/** ID document types: 居民身份证, 统一社会信用代码, 护照, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 外国人永久居留身份证. */
export const ID_TYPES = ['RESIDENT_ID', 'USCC', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'FOREIGN_PERMANENT_ID'] as const;

/** An ID document type. */
export type IdType = (typeof ID_TYPES)[number];
