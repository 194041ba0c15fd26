import { useState } from 'react';
import { SiteHeader } from './components/SiteHeader.js';
import { useCollection } from './collection/useCollection.js';
import { KioskShell } from './kiosk/KioskShell.js';
import { kioskSettings } from './kiosk/kiosk-settings.js';
import { ArtefactPage } from './routes/ArtefactPage.js';
import { GalleryPage } from './routes/GalleryPage.js';
import { useRoute } from './routing.js';

export function App() {
  const route = useRoute();
  const collection = useCollection();
  // Read once: links keep `?kiosk`, and the kiosk's own navigation never turns it off.
  const [search] = useState(() => window.location.search);
  const kiosk = collection.status === 'ready' ? kioskSettings(search, collection.collection.kiosk) : undefined;
  const pages = (
    <>
      <SiteHeader />
      {route.page === 'artefact' ? (
        <ArtefactPage id={route.id} state={collection} />
      ) : (
        <GalleryPage state={collection} />
      )}
    </>
  );
  return kiosk && collection.status === 'ready' ? (
    <KioskShell
      settings={kiosk}
      collection={collection.collection}
      artefactId={route.page === 'artefact' ? route.id : undefined}
    >
      {pages}
    </KioskShell>
  ) : (
    pages
  );
}
