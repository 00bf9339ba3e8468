import { For, type JSX } from 'solid-js';
import { t } from '../../i18n/locale';

export interface DataTableRow {
  /** The row's name (a day, an hour, a weekday): its header cell. */
  head: string;
  cells: readonly string[];
}

/**
 * A table that scrolls sideways inside its own box rather than widening a phone's page; focusable,
 * so a keyboard can scroll it too. Its caption names it for screen readers; on screen the same
 * words sit above the box, where they wrap to its width instead of scrolling away with the table.
 * `columns` are the header row, the row headers' column first; `children` are the body's rows.
 */
export function ScrollingTable(props: { caption: string; columns: readonly string[]; class?: string; children: JSX.Element }): JSX.Element {
  return (
    <div class="table-box">
      <p class="table-caption" aria-hidden="true">
        {props.caption}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-label={props.caption}>
        <table class={props.class ?? 'data'}>
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <For each={props.columns}>{(column) => <th scope="col">{column}</th>}</For>
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * A chart's numbers, as the API gave them, in a real table behind "Voir les données": what a
 * screen reader reads, and what anyone can check a curve against.
 */
export function DataTable(props: { caption: string; columns: readonly string[]; rows: readonly DataTableRow[] }): JSX.Element {
  return (
    <details class="data-table">
      <summary>
        {t().showData}
        <span class="visually-hidden"> ({props.caption})</span>
      </summary>
      <ScrollingTable caption={props.caption} columns={props.columns}>
        <For each={props.rows}>
          {(row) => (
            <tr>
              <th scope="row">{row.head}</th>
              <For each={row.cells}>{(cell) => <td>{cell}</td>}</For>
            </tr>
          )}
        </For>
      </ScrollingTable>
    </details>
  );
}
