// The page the CLI renders posters with: the real viewer, showing one artefact's thumb
// derivative on the viewer's own stage and lighting, filling the window, nothing else.
import { createRoot } from 'react-dom/client';
import { ArtefactViewer } from '../src/index.js';

const params = new URLSearchParams(window.location.search);
const src = params.get('src');
if (!src) throw new Error('the poster page needs ?src=<artefact.json>');

createRoot(document.getElementById('root')!).render(
  <ArtefactViewer src={src} profile={params.get('profile') ?? 'thumb'} showStatus={false} />,
);
