import { pickText, type Artefact } from '@vitrine/core';
import { renderMarkdown } from '@vitrine/viewer';
import { useId, type ReactNode } from 'react';
import { useTranslation } from '../i18n/index.js';
import { licenceName, licenceUrl } from '../collection/licence.js';
import { Dimensions } from './Dimensions.js';

export interface MetadataPanelProps {
  artefact: Artefact;
  /** The visitor's languages, most wanted first. */
  languages: readonly string[];
}

/**
 * What the museum says about the object, and whose scan it is. The credit is always
 * shown: a CC BY scan may only be shown with it. Texts come from the collection and are
 * untrusted: plain text, and the credit through the viewer's safe Markdown subset.
 */
export function MetadataPanel({ artefact, languages }: MetadataPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const description = pickText(artefact.description, languages);
  const creator = pickText(artefact.creator, languages);
  return (
    <section className="metadata-panel" aria-labelledby={headingId} data-metadata="">
      <h2 id={headingId}>{t('artefact.about')}</h2>
      {description &&
        description.split(/\n\s*\n/).map((paragraph, index) => (
          <p key={index} className="artefact-description">
            {paragraph}
          </p>
        ))}
      <dl className="artefact-facts">
        {creator && (
          <Fact name={t('artefact.creator')} field="creator">
            {creator}
          </Fact>
        )}
        {artefact.date && (
          <Fact name={t('artefact.date')} field="date">
            {artefact.date}
          </Fact>
        )}
        <Fact name={t('artefact.dimensions')} field="dimensions">
          <Dimensions dimensions={artefact.dimensions} />
        </Fact>
        {artefact.accessionNumber && (
          <Fact name={t('artefact.accession')} field="accession">
            {artefact.accessionNumber}
          </Fact>
        )}
        {artefact.tags && artefact.tags.length > 0 && (
          <Fact name={t('artefact.tags')} field="tags">
            {artefact.tags.join(', ')}
          </Fact>
        )}
        <Fact name={t('artefact.license')} field="license">
          {artefact.license ? <Licence spdx={artefact.license} /> : t('artefact.licenseUnknown')}
        </Fact>
        {artefact.attribution && (
          <Fact name={t('artefact.attribution')} field="attribution">
            {renderMarkdown(artefact.attribution)}
          </Fact>
        )}
      </dl>
    </section>
  );
}

function Fact({ name, field, children }: { name: string; field: string; children: ReactNode }) {
  return (
    <div data-field={field}>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Licence({ spdx }: { spdx: string }) {
  const url = licenceUrl(spdx);
  const name = licenceName(spdx);
  return url ? (
    <a href={url} rel="license noopener" target="_blank">
      {name}
    </a>
  ) : (
    <>{name}</>
  );
}
