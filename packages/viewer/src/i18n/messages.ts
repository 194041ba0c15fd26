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
  /** Enter on the stage while the centre mark was off the artefact. */
  measureMissed: string;
  measureResult: (distance: string) => string;
  resetView: string;
  // Immersive modes (WebXR): VR on a headset, AR on a phone.
  enterVr: string;
  exitXr: string;
  /** Why an immersive session did not start. */
  xrFailed: string;
  /** VR: the artefact back on its plinth, in front of the visitor. */
  xrReset: string;
  /** AR: before placing. */
  arPlaceHint: string;
  /** AR: the label under a placed artefact, with its measurements ("32 cm × 18 cm × 18 cm"). */
  arTrueSize: (size: string) => string;
  arTableSize: (size: string) => string;
  /** AR: the toggle between true size and a size that fits on a table. */
  arFit: string;
  arPlaceAgain: string;
  /** The language menu's name in AR. */
  xrLanguage: string;
  /** While a preview is on screen and the full model downloads. */
  loadingPreview: (percent: number) => string;
  // AR where WebXR has none: Quick Look, Scene Viewer, and a QR code for a phone.
  /** The link that opens Quick Look or Scene Viewer. */
  viewInAr: string;
  /** What that link does, for screen readers: it opens the camera. */
  viewInArHint: string;
  /** The button, on a device without AR, that shows a QR code for a phone. */
  viewOnPhone: string;
  viewOnPhoneHint: string;
  /** The QR code's accessible name. */
  qrCodeLabel: string;
  /** Before the AR link written out under the QR code, for copying. */
  viewOnPhoneLink: string;
  /** The button that closes a dialog. */
  closeDialog: string;
}

const en: ViewerMessages = {
  loading: 'Loading 3D model…',
  loadingPercent: (percent) => `Loading 3D model: ${percent}%`,
  errorTitle: 'The 3D model could not be shown.',
  errorNotFound: 'It was not found on the server.',
  errorNetwork: 'The connection failed.',
  errorInvalid: 'Its files are damaged or incomplete.',
  retry: 'Try again',
  canvasLabel: (title) =>
    `3D view of ${title}. Drag or use the arrow keys to turn, Shift and the arrows to move; scroll, pinch or + and − to zoom.`,
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
  measureHint:
    'Click or tap two points on the surface, or turn the artefact under the centre mark and press Enter. Esc to stop.',
  measureMissed: 'The centre mark is not on the artefact: turn or zoom until it is, then press Enter.',
  measureNext: 'Now pick the second point.',
  measureResult: (distance) => `Distance: ${distance}`,
  resetView: 'Reset view',
  enterVr: 'Enter VR',
  exitXr: 'Exit',
  xrFailed: 'The immersive view could not start.',
  xrReset: 'Put it back',
  arPlaceHint: 'Point at the floor or a table, then tap to place the object.',
  arTrueSize: (size) => `True size: ${size}`,
  arTableSize: (size) => `Shown smaller than its true size (${size})`,
  arFit: 'Fit on a table',
  arPlaceAgain: 'Place again',
  xrLanguage: 'Language',
  loadingPreview: (percent) => `Preview. Loading the full model: ${percent}%`,
  // AR fallbacks.
  viewInAr: 'View in your room',
  viewInArHint: 'Opens the camera to place the object in your room at its true size.',
  viewOnPhone: 'View on your phone',
  viewOnPhoneHint: 'Scan this code with your phone’s camera to see the object in your room at its true size.',
  qrCodeLabel: 'QR code of the link below',
  viewOnPhoneLink: 'Or open this address on your phone:',
  closeDialog: 'Close',
};

const fr: ViewerMessages = {
  loading: 'Chargement du modèle 3D…',
  loadingPercent: (percent) => `Chargement du modèle 3D : ${percent} %`,
  errorTitle: 'Le modèle 3D n’a pas pu être affiché.',
  errorNotFound: 'Il est introuvable sur le serveur.',
  errorNetwork: 'La connexion a échoué.',
  errorInvalid: 'Ses fichiers sont endommagés ou incomplets.',
  retry: 'Réessayer',
  canvasLabel: (title) =>
    `Vue 3D de ${title}. Faites glisser ou utilisez les flèches pour tourner, Maj et les flèches pour déplacer ; molette, pincement ou + et − pour zoomer.`,
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
  measureHint:
    'Cliquez ou touchez deux points de la surface, ou tournez l’objet sous le repère central et appuyez sur Entrée. Échap pour arrêter.',
  measureMissed:
    'Le repère central n’est pas sur l’objet : tournez ou zoomez jusqu’à ce qu’il y soit, puis appuyez sur Entrée.',
  measureNext: 'Choisissez maintenant le second point.',
  measureResult: (distance) => `Distance : ${distance}`,
  resetView: 'Réinitialiser la vue',
  enterVr: 'Entrer en réalité virtuelle',
  exitXr: 'Quitter',
  xrFailed: 'La vue immersive n’a pas pu démarrer.',
  xrReset: 'Remettre en place',
  arPlaceHint: 'Visez le sol ou une table, puis touchez l’écran pour poser l’objet.',
  arTrueSize: (size) => `Taille réelle : ${size}`,
  arTableSize: (size) => `Affiché plus petit que sa taille réelle (${size})`,
  arFit: 'Adapter à une table',
  arPlaceAgain: 'Poser ailleurs',
  xrLanguage: 'Langue',
  loadingPreview: (percent) => `Aperçu. Chargement du modèle complet : ${percent} %`,
  // AR fallbacks.
  viewInAr: 'Voir dans votre pièce',
  viewInArHint: 'Ouvre l’appareil photo pour placer l’objet dans votre pièce, à sa taille réelle.',
  viewOnPhone: 'Voir sur votre téléphone',
  viewOnPhoneHint:
    'Scannez ce code avec l’appareil photo de votre téléphone pour voir l’objet dans votre pièce, à sa taille réelle.',
  qrCodeLabel: 'Code QR du lien ci-dessous',
  viewOnPhoneLink: 'Ou ouvrez cette adresse sur votre téléphone :',
  closeDialog: 'Fermer',
};

const it: ViewerMessages = {
  loading: 'Caricamento del modello 3D…',
  loadingPercent: (percent) => `Caricamento del modello 3D: ${percent}%`,
  errorTitle: 'Non è stato possibile mostrare il modello 3D.',
  errorNotFound: 'Non è stato trovato sul server.',
  errorNetwork: 'La connessione non è riuscita.',
  errorInvalid: 'I suoi file sono danneggiati o incompleti.',
  retry: 'Riprova',
  canvasLabel: (title) =>
    `Vista 3D di ${title}. Trascina o usa le frecce per ruotare, Maiusc e le frecce per spostare; scorri, pizzica o usa + e − per ingrandire.`,
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
  measureHint:
    'Fai clic o tocca due punti della superficie, oppure ruota l’oggetto sotto il mirino centrale e premi Invio. Esc per terminare.',
  measureMissed: 'Il mirino centrale non è sull’oggetto: ruota o ingrandisci finché non lo è, poi premi Invio.',
  measureNext: 'Ora scegli il secondo punto.',
  measureResult: (distance) => `Distanza: ${distance}`,
  resetView: 'Ripristina la vista',
  enterVr: 'Entra in realtà virtuale',
  exitXr: 'Esci',
  xrFailed: 'Non è stato possibile avviare la vista immersiva.',
  xrReset: 'Rimetti a posto',
  arPlaceHint: 'Inquadra il pavimento o un tavolo, poi tocca per collocare l’oggetto.',
  arTrueSize: (size) => `Grandezza reale: ${size}`,
  arTableSize: (size) => `Mostrato più piccolo della grandezza reale (${size})`,
  arFit: 'Adatta a un tavolo',
  arPlaceAgain: 'Colloca di nuovo',
  xrLanguage: 'Lingua',
  loadingPreview: (percent) => `Anteprima. Caricamento del modello completo: ${percent}%`,
  // AR fallbacks.
  viewInAr: 'Guarda nella tua stanza',
  viewInArHint: 'Apre la fotocamera per collocare l’oggetto nella tua stanza a grandezza reale.',
  viewOnPhone: 'Guarda sul telefono',
  viewOnPhoneHint:
    'Inquadra questo codice con la fotocamera del telefono per vedere l’oggetto nella tua stanza a grandezza reale.',
  qrCodeLabel: 'Codice QR del link qui sotto',
  viewOnPhoneLink: 'Oppure apri questo indirizzo sul telefono:',
  closeDialog: 'Chiudi',
};

const pl: ViewerMessages = {
  loading: 'Wczytywanie modelu 3D…',
  loadingPercent: (percent) => `Wczytywanie modelu 3D: ${percent}%`,
  errorTitle: 'Nie udało się wyświetlić modelu 3D.',
  errorNotFound: 'Nie znaleziono go na serwerze.',
  errorNetwork: 'Połączenie nie powiodło się.',
  errorInvalid: 'Jego pliki są uszkodzone lub niekompletne.',
  retry: 'Spróbuj ponownie',
  canvasLabel: (title) =>
    `Widok 3D: ${title}. Przeciągnij lub użyj strzałek, aby obrócić, a Shift i strzałek, aby przesunąć; przewiń, uszczypnij lub naciśnij + i −, aby powiększyć.`,
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
  measureHint:
    'Kliknij lub dotknij dwóch punktów na powierzchni albo obróć obiekt pod znacznikiem środka i naciśnij Enter. Esc, aby zakończyć.',
  measureMissed: 'Znacznik środka nie wskazuje obiektu: obróć lub przybliż widok, aż go wskaże, i naciśnij Enter.',
  measureNext: 'Teraz wybierz drugi punkt.',
  measureResult: (distance) => `Odległość: ${distance}`,
  resetView: 'Przywróć widok',
  enterVr: 'Wejdź do VR',
  exitXr: 'Wyjdź',
  xrFailed: 'Nie udało się uruchomić widoku immersyjnego.',
  xrReset: 'Odstaw na miejsce',
  arPlaceHint: 'Skieruj aparat na podłogę lub stół, a potem dotknij, aby postawić obiekt.',
  arTrueSize: (size) => `Rzeczywista wielkość: ${size}`,
  arTableSize: (size) => `Pokazany mniejszy niż w rzeczywistości (${size})`,
  arFit: 'Dopasuj do stołu',
  arPlaceAgain: 'Postaw ponownie',
  xrLanguage: 'Język',
  loadingPreview: (percent) => `Podgląd. Wczytywanie pełnego modelu: ${percent}%`,
  // AR fallbacks.
  viewInAr: 'Zobacz w swoim pokoju',
  viewInArHint: 'Otwiera aparat, aby umieścić obiekt w Twoim pokoju w rzeczywistej wielkości.',
  viewOnPhone: 'Zobacz na telefonie',
  viewOnPhoneHint: 'Zeskanuj ten kod aparatem telefonu, aby zobaczyć obiekt w swoim pokoju w rzeczywistej wielkości.',
  qrCodeLabel: 'Kod QR z poniższym adresem',
  viewOnPhoneLink: 'Możesz też otworzyć ten adres na telefonie:',
  closeDialog: 'Zamknij',
};

/** The languages the viewer speaks, offered in VR and AR where the page's own switcher is out of reach. */
export const VIEWER_LANGUAGES: readonly string[] = ['en', 'fr', 'it', 'pl'];

export const VIEWER_MESSAGES: Readonly<Record<string, ViewerMessages>> = Object.freeze({ en, fr, it, pl });

/** Messages for a language tag, falling back from "fr-CA" to "fr" and then to English. */
export function viewerMessagesFor(lang: string | undefined): ViewerMessages {
  const tag = (lang ?? 'en').toLowerCase();
  return VIEWER_MESSAGES[tag] ?? VIEWER_MESSAGES[tag.split('-')[0]!] ?? en;
}
