import { createSignal, For, Show, type JSX } from 'solid-js';
import { ACTIVITY_KINDS, fetchClinicActivity, type ActivityKind, type TimelineItem } from '../../api/admin';
import { activityKindWords, timelineDetailWords } from '../../admin/admin-words';
import { createCursorPages } from '../../admin/cursor-pages';
import { formatCheckTime } from '../../i18n/format';
import { locale, t } from '../../i18n/locale';
import { MorePages } from './MorePages';

/** Items a page brings: a phone screenful or two. */
const TIMELINE_PAGE_SIZE = 20;

const kindOf = (value: string): ActivityKind | null => ACTIVITY_KINDS.find((kind) => kind === value) ?? null;

function TimelineEntry(props: { item: TimelineItem; timezone: string }): JSX.Element {
  const detail = () => timelineDetailWords(props.item, t());
  return (
    <li class="timeline-item" data-kind={props.item.kind}>
      <time datetime={props.item.at}>{formatCheckTime(props.item.at, locale(), new Date(), props.timezone)}</time>
      <span class="timeline-kind">{activityKindWords(props.item.kind, t())}</span>
      <Show when={detail()}>{(words) => <span class="footnote">{words()}</span>}</Show>
    </li>
  );
}

/**
 * What happened at a clinic, newest first, at the clinic's own time: logins, patients added,
 * calls, SMS, alerts and admin changes, one kind or all, older pages on demand.
 */
export function ClinicTimeline(props: { clinicId: string; timezone: string }): JSX.Element {
  const [kind, setKind] = createSignal<ActivityKind | null>(null);
  const [timeline, actions] = createCursorPages({
    asked: () => ({ clinicId: props.clinicId, kind: kind() }),
    fetchPage: (asked, cursor) => fetchClinicActivity(asked.clinicId, { kind: asked.kind, cursor, limit: TIMELINE_PAGE_SIZE }),
    idOf: (item: TimelineItem) => item.id,
  });
  return (
    <section class="card admin-section" aria-labelledby="timeline-title" aria-busy={timeline.loading}>
      <h2 id="timeline-title">{t().timelineTitle}</h2>
      <div class="field">
        <label for="timeline-kind">{t().timelineKindFilter}</label>
        <select id="timeline-kind" value={kind() ?? ''} onChange={(event) => setKind(kindOf(event.currentTarget.value))}>
          <option value="">{t().timelineAllKinds}</option>
          <For each={ACTIVITY_KINDS}>{(option) => <option value={option}>{activityKindWords(option, t())}</option>}</For>
        </select>
      </div>
      <p class="footnote">{t().timelineClinicTime(props.timezone)}</p>
      <Show when={timeline.items.length === 0 && !timeline.loading && timeline.error === null}>
        <p>{kind() === null ? t().timelineEmpty : t().timelineEmptyKind}</p>
      </Show>
      <Show when={timeline.items.length > 0}>
        <ol class="plain-list divided">
          <For each={timeline.items}>{(item) => <TimelineEntry item={item} timezone={props.timezone} />}</For>
        </ol>
      </Show>
      <MorePages pages={timeline} actions={actions} loading={t().timelineLoading} />
    </section>
  );
}
