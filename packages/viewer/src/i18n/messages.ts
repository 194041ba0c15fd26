/**
 * The viewer's own words. It is embedded in pages we do not control (a museum's CMS), so
 * it cannot rely on the host app's i18n instance: it carries its few strings itself and
 * the host chooses the language with `lang`, or replaces them with `messages`.
 */
export interface ViewerMessages {
  loading: string;
  loadingPercent: (percent: number) => string;
  errorTitle: string;
  errorNotFound: string;
  errorNetwork: string;
  errorInvalid: string;
  retry: string;
  canvasLabel: (title: string) => string;
  /** The annotations' controls as a whole (a landmark). */
  annotations: string;
  annotationsError: string;
  /** A hotspot's accessible name: its number in the tour and its title. */
  hotspotLabel: (number: number, title: string) => string;
  layers: string;
  tour: string;
  tourPosition: (number: number, total: number) => string;
  previous: string;
  next: string;
  play: string;
  pause: string;
  close: string;
  captions: string;
  // Stage and study tools: loading, render modes, measuring, camera.
  /** The toolbar over the stage as a whole. */
  viewTools: string;
  /** The group of render mode buttons. */
  renderMode: string;
  renderModeNames: Readonly<Record<'textured' | 'clay' | 'wireframe', string>>;
  measure: string;
  measureHint: string;
  measureNext: string;
  measureResult: (distance: string) => string;
  resetView: string;
  /** While a preview is on screen and the full model downloads. */
  loadingPreview: (percent: number) => string;
}

const en: ViewerMessages = {
  loading: 'Loading 3D model…',
  loadingPercent: (percent) => `Loading 3D model: ${percent}%`,
  errorTitle: 'The 3D model could not be shown.',
  errorNotFound: 'It was not found on the server.',
  errorNetwork: 'The connection failed.',
  errorInvalid: 'Its files are damaged or incomplete.',
  retry: 'Try again',
  canvasLabel: (title) => `3D view of ${title}. Drag to turn, scroll or pinch to zoom.`,
  annotations: 'Annotations',
  annotationsError: 'The annotations could not be loaded.',
  hotspotLabel: (number, title) => `${number}. ${title}`,
  layers: 'Layers',
  tour: 'Guided tour',
  tourPosition: (number, total) => `${number} of ${total}`,
  previous: 'Previous annotation',
  next: 'Next annotation',
  play: 'Play the tour',
  pause: 'Pause the tour',
  close: 'Close annotation',
  captions: 'Captions',
  // Stage and study tools.
  viewTools: 'View',
  renderMode: 'Surface',
  renderModeNames: { textured: 'Textured', clay: 'Clay', wireframe: 'Wireframe' },
  measure: 'Measure',
  measureHint: 'Click or tap two points on the surface. Esc to stop.',
  measureNext: 'Now pick the second point.',
  measureResult: (distance) => `Distance: ${distance}`,
  resetView: 'Reset view',
  loadingPreview: (percent) => `Preview. Loading the full model: ${percent}%`,
};

const fr: ViewerMessages = {
  loading: 'Chargement du modèle 3D…',
  loadingPercent: (percent) => `Chargement du modèle 3D : ${percent} %`,
  errorTitle: 'Le modèle 3D n’a pas pu être affiché.',
  errorNotFound: 'Il est introuvable sur le serveur.',
  errorNetwork: 'La connexion a échoué.',
  errorInvalid: 'Ses fichiers sont endommagés ou incomplets.',
  retry: 'Réessayer',
  canvasLabel: (title) => `Vue 3D de ${title}. Faites glisser pour tourner, molette ou pincement pour zoomer.`,
  annotations: 'Annotations',
  annotationsError: 'Les annotations n’ont pas pu être chargées.',
  hotspotLabel: (number, title) => `${number}. ${title}`,
  layers: 'Calques',
  tour: 'Visite guidée',
  tourPosition: (number, total) => `${number} sur ${total}`,
  previous: 'Annotation précédente',
  next: 'Annotation suivante',
  play: 'Lancer la visite',
  pause: 'Mettre la visite en pause',
  close: 'Fermer l’annotation',
  captions: 'Sous-titres',
  // Stage and study tools.
  viewTools: 'Vue',
  renderMode: 'Surface',
  renderModeNames: { textured: 'Texturé', clay: 'Argile', wireframe: 'Filaire' },
  measure: 'Mesurer',
  measureHint: 'Cliquez ou touchez deux points de la surface. Échap pour arrêter.',
  measureNext: 'Choisissez maintenant le second point.',
  measureResult: (distance) => `Distance : ${distance}`,
  resetView: 'Réinitialiser la vue',
  loadingPreview: (percent) => `Aperçu. Chargement du modèle complet : ${percent} %`,
};

const it: ViewerMessages = {
  loading: 'Caricamento del modello 3D…',
  loadingPercent: (percent) => `Caricamento del modello 3D: ${percent}%`,
  errorTitle: 'Non è stato possibile mostrare il modello 3D.',
  errorNotFound: 'Non è stato trovato sul server.',
  errorNetwork: 'La connessione non è riuscita.',
  errorInvalid: 'I suoi file sono danneggiati o incompleti.',
  retry: 'Riprova',
  canvasLabel: (title) => `Vista 3D di ${title}. Trascina per ruotare, scorri o pizzica per ingrandire.`,
  annotations: 'Annotazioni',
  annotationsError: 'Non è stato possibile caricare le annotazioni.',
  hotspotLabel: (number, title) => `${number}. ${title}`,
  layers: 'Livelli',
  tour: 'Visita guidata',
  tourPosition: (number, total) => `${number} di ${total}`,
  previous: 'Annotazione precedente',
  next: 'Annotazione successiva',
  play: 'Avvia la visita',
  pause: 'Metti in pausa la visita',
  close: 'Chiudi l’annotazione',
  captions: 'Sottotitoli',
  // Stage and study tools.
  viewTools: 'Vista',
  renderMode: 'Superficie',
  renderModeNames: { textured: 'Con texture', clay: 'Argilla', wireframe: 'Fil di ferro' },
  measure: 'Misura',
  measureHint: 'Fai clic o tocca due punti della superficie. Esc per terminare.',
  measureNext: 'Ora scegli il secondo punto.',
  measureResult: (distance) => `Distanza: ${distance}`,
  resetView: 'Ripristina la vista',
  loadingPreview: (percent) => `Anteprima. Caricamento del modello completo: ${percent}%`,
};

const pl: ViewerMessages = {
  loading: 'Wczytywanie modelu 3D…',
  loadingPercent: (percent) => `Wczytywanie modelu 3D: ${percent}%`,
  errorTitle: 'Nie udało się wyświetlić modelu 3D.',
  errorNotFound: 'Nie znaleziono go na serwerze.',
  errorNetwork: 'Połączenie nie powiodło się.',
  errorInvalid: 'Jego pliki są uszkodzone lub niekompletne.',
  retry: 'Spróbuj ponownie',
  canvasLabel: (title) => `Widok 3D: ${title}. Przeciągnij, aby obrócić; przewiń lub uszczypnij, aby powiększyć.`,
  annotations: 'Adnotacje',
  annotationsError: 'Nie udało się wczytać adnotacji.',
  hotspotLabel: (number, title) => `${number}. ${title}`,
  layers: 'Warstwy',
  tour: 'Zwiedzanie z przewodnikiem',
  tourPosition: (number, total) => `${number} z ${total}`,
  previous: 'Poprzednia adnotacja',
  next: 'Następna adnotacja',
  play: 'Rozpocznij zwiedzanie',
  pause: 'Wstrzymaj zwiedzanie',
  close: 'Zamknij adnotację',
  captions: 'Napisy',
  // Stage and study tools.
  viewTools: 'Widok',
  renderMode: 'Powierzchnia',
  renderModeNames: { textured: 'Tekstura', clay: 'Glina', wireframe: 'Siatka' },
  measure: 'Zmierz',
  measureHint: 'Kliknij lub dotknij dwóch punktów na powierzchni. Esc, aby zakończyć.',
  measureNext: 'Teraz wybierz drugi punkt.',
  measureResult: (distance) => `Odległość: ${distance}`,
  resetView: 'Przywróć widok',
  loadingPreview: (percent) => `Podgląd. Wczytywanie pełnego modelu: ${percent}%`,
};

export const VIEWER_MESSAGES: Readonly<Record<string, ViewerMessages>> = Object.freeze({ en, fr, it, pl });

/** Messages for a language tag, falling back from "fr-CA" to "fr" and then to English. */
export function viewerMessagesFor(lang: string | undefined): ViewerMessages {
  const tag = (lang ?? 'en').toLowerCase();
  return VIEWER_MESSAGES[tag] ?? VIEWER_MESSAGES[tag.split('-')[0]!] ?? en;
}
