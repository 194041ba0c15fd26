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
};

export const VIEWER_MESSAGES: Readonly<Record<string, ViewerMessages>> = Object.freeze({ en, fr, it, pl });

/** Messages for a language tag, falling back from "fr-CA" to "fr" and then to English. */
export function viewerMessagesFor(lang: string | undefined): ViewerMessages {
  const tag = (lang ?? 'en').toLowerCase();
  return VIEWER_MESSAGES[tag] ?? VIEWER_MESSAGES[tag.split('-')[0]!] ?? en;
}
