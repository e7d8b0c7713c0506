import type { Locale } from '../../db/schema'

/**
 * An entity's name in the page's language. Merchants are named in Chinese (`name`) with an
 * English `nameEn`; hubs in English (`name`) with a Chinese `nameZh`: the columns stay as they
 * are, and this is the one place that picks between them.
 * @example localizedName({ name: 'Suzhou hub', nameZh: '苏州中心' }, 'zh-CN') // '苏州中心'
 */
export function localizedName(
  entity: { name: string; nameEn?: string | null; nameZh?: string | null },
  locale: Locale,
): string {
  return (locale === 'en' ? entity.nameEn : entity.nameZh) ?? entity.name
}
