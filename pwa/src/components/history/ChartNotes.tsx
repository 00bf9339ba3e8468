import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import { deleteNote, writeNote } from '../../api/annotations';
import type { ChartsAnswer } from '../../api/history';
import { formText } from '../../form-text';
import { formatCalendarDay } from '../../i18n/format';
import { locale, t } from '../../i18n/locale';
import {
  checkNoteForm,
  FIRST_NOTE_DAY,
  mayDeleteShown,
  noteAuthorWords,
  noteErrorWords,
  noteProblemWords,
  placedNotes,
  NOTE_TEXT_MAX_CHARACTERS,
  type NoteViewer,
  type PlacedNote,
} from '../../history/chart-notes';
import { FormFailure, type WordedFailure } from '../FormFailure';

export interface ChartNotesProps {
  answer: ChartsAnswer;
  clinicId: string;
  /** Who is looking; null offers no form (nobody signed in to write as). */
  viewer: NoteViewer | null;
  /** A note was written or deleted: the charts are read again, and draw it at once. */
  onChanged: () => void;
}

/**
 * The notes of the window, under the daily curves: numbered as their flags on the charts, each
 * with its day, text and author (the accessible form of the flags), a delete button for those the
 * viewer may delete, and a form to note a day.
 */
export function ChartNotes(props: ChartNotesProps): JSX.Element {
  const titleId = createUniqueId();
  const [failure, setFailure] = createSignal<WordedFailure | null>(null);
  const [deleting, setDeleting] = createSignal<string | null>(null);

  const remove = async (item: PlacedNote): Promise<void> => {
    setDeleting(item.note.id);
    setFailure(null);
    try {
      await deleteNote(props.clinicId, item.note.id);
      props.onChanged();
    } catch (error) {
      setFailure({ words: (messages) => noteErrorWords(error, messages) });
    } finally {
      setDeleting(null);
    }
  };

  return (
    <section class="chart-notes" aria-labelledby={titleId}>
      <h3 id={titleId} class="chart-title">
        {t().notesTitle}
      </h3>
      <Show when={placedNotes(props.answer)} keyed>
        {(placed) => (
          <Show when={placed.length > 0} fallback={<p class="footnote">{t().notesNone}</p>}>
            <p class="footnote">{t().notesIntro}</p>
            <ol class="note-list">
              <For each={placed}>
                {(item) => (
                  <li value={item.number} data-note-day={item.note.day}>
                    <span>{t().noteListed(formatCalendarDay(item.note.day, locale(), 'axis'), item.note.text, noteAuthorWords(item.note, t()))}</span>
                    <Show when={props.viewer !== null && mayDeleteShown(item.note, props.viewer)}>
                      <button
                        type="button"
                        class="button button-quiet button-small"
                        aria-label={t().noteDeleteLabel(formatCalendarDay(item.note.day, locale(), 'axis'), item.note.text)}
                        disabled={deleting() !== null}
                        onClick={() => void remove(item)}
                      >
                        {deleting() === item.note.id ? t().noteDeleting : t().noteDelete}
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </Show>
      <FormFailure failure={failure()} />
      <Show when={props.viewer !== null}>
        <NoteForm clinicId={props.clinicId} today={props.answer.period.to} onWritten={props.onChanged} />
      </Show>
    </section>
  );
}

/** A day (the clinic's today at most) and a line of text. */
function NoteForm(props: { clinicId: string; today: string; onWritten: () => void }): JSX.Element {
  const dayId = createUniqueId();
  const textId = createUniqueId();
  const hintId = createUniqueId();
  const [saving, setSaving] = createSignal(false);
  const [failure, setFailure] = createSignal<WordedFailure | null>(null);

  const submit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    const day = formText(form, 'day');
    const text = formText(form, 'text');
    const problem = checkNoteForm(day, text, props.today);
    if (problem !== null) {
      setFailure({ words: (messages) => noteProblemWords(problem, messages) });
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await writeNote(props.clinicId, { day, text });
      const field = form.elements.namedItem('text');
      if (field instanceof HTMLInputElement) field.value = '';
      props.onWritten();
    } catch (error) {
      setFailure({ words: (messages) => noteErrorWords(error, messages) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="form note-form" method="post" novalidate onSubmit={(event) => void submit(event)}>
      <h4 class="chart-title">{t().noteAddTitle}</h4>
      <fieldset disabled={saving()}>
        <div class="field">
          <label for={dayId}>{t().noteDayField}</label>
          <input id={dayId} name="day" type="date" min={FIRST_NOTE_DAY} max={props.today} value={props.today} required />
        </div>
        <div class="field">
          <label for={textId}>{t().noteTextField}</label>
          <input id={textId} name="text" type="text" autocomplete="off" required aria-describedby={hintId} />
          <p id={hintId} class="field-hint">
            {t().noteTextHint(NOTE_TEXT_MAX_CHARACTERS)}
          </p>
        </div>
      </fieldset>
      <FormFailure failure={failure()} />
      <button type="submit" class="button" disabled={saving()}>
        {saving() ? t().noteSaving : t().noteSave}
      </button>
    </form>
  );
}
