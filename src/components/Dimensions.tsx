import { formatMetres, type Dimensions as DimensionsData } from '@vitrine/core';
import { useTranslation } from '../i18n/index.js';

/** Width × height × depth in units a visitor reads at a glance, in their number format. */
export function Dimensions({ dimensions }: { dimensions: DimensionsData }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <>
      {t('gallery.dimensions', {
        width: formatMetres(dimensions.width, locale),
        height: formatMetres(dimensions.height, locale),
        depth: formatMetres(dimensions.depth, locale),
      })}
    </>
  );
}
