// Draftail copies what was typed into its form field 250 ms after the last change, so a form
// sent sooner (a quick click on Post or Publish, Ctrl+S) would carry the text as it was before.
// Copy every rich text editor's current content into its field as the form is sent.
(() => {
  // Comment markers are inline styles inside the editor; Wagtail keeps them out of the field.
  const withoutComments = (raw) => {
    if (raw) {
      for (const block of raw.blocks) {
        block.inlineStyleRanges = block.inlineStyleRanges.filter(
          (range) => !range.style.startsWith("COMMENT-"),
        );
      }
    }
    return raw;
  };

  const copyToField = (field) => {
    const editor = field.draftailEditor;
    if (editor.props.onSave) {
      // A plain rich text field: the editor's own save, now instead of after the delay.
      editor.saveState();
    } else if (window.Draftail) {
      // A commentable editor (page forms) saves from its own timer: serialise as it would.
      const raw = withoutComments(window.Draftail.serialiseEditorStateToRaw(editor.getEditorState()));
      field.rawContentState = raw;
      field.value = JSON.stringify(raw);
    }
  };

  document.addEventListener(
    "submit",
    (event) => {
      for (const field of event.target.querySelectorAll("input[type=hidden]")) {
        if (field.draftailEditor) copyToField(field);
      }
    },
    true,
  );
})();
