import { ArtefactPageView, type ArtefactPageProps } from '../routes/ArtefactPage.js';
import { AnnotationEditor } from './AnnotationEditor.js';
import { useAnnotationEditor } from './useAnnotationEditor.js';

/**
 * The artefact page of `vitrine serve --edit`: the page as visitors see it, with the
 * annotation editor beside the viewer. A module of its own, loaded only with `?edit` and
 * the token, so that no visitor downloads the editor's state and document code.
 */
export function EditableArtefactPage({ token, ...props }: ArtefactPageProps & { token: string }) {
  const { id, state } = props;
  const known = state.status === 'ready' && state.collection.artefacts.some((artefact) => artefact.id === id);
  const editor = useAnnotationEditor(known ? id : undefined, token);
  return (
    <ArtefactPageView
      {...props}
      editing={{
        panel: <AnnotationEditor editor={editor} />,
        revision: editor.revision,
        onSurfacePick: editor.picking ? editor.pick : undefined,
        camera: editor.camera,
      }}
    />
  );
}
