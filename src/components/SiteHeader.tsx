import { useTranslation } from '../i18n/index.js';
import { hrefFor, useNavigate } from '../routing.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';

export function SiteHeader() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <a className="site-name" href={hrefFor({ page: 'gallery' })} onClick={navigate}>
        {t('app.name')}
      </a>
      <LanguageSwitcher />
    </header>
  );
}
