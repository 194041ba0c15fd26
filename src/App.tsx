import { SiteHeader } from './components/SiteHeader.js';
import { useCollection } from './collection/useCollection.js';
import { ArtefactPage } from './routes/ArtefactPage.js';
import { GalleryPage } from './routes/GalleryPage.js';
import { useRoute } from './routing.js';

export function App() {
  const route = useRoute();
  const collection = useCollection();
  return (
    <>
      <SiteHeader />
      {route.page === 'artefact' ? (
        <ArtefactPage id={route.id} state={collection} />
      ) : (
        <GalleryPage state={collection} />
      )}
    </>
  );
}
