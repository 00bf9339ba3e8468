import { A } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { ClinicFields } from '../../api/admin';
import {
  checkClinicForm,
  CLINIC_FIELDS,
  describeClinicProblem,
  NAME_MAX_LENGTH,
  problemsFromRefusal,
  supportedTimeZones,
  type ClinicField,
  type ClinicFormText,
  type ClinicProblems,
} from '../../admin/clinic-form';
import { formText } from '../../form-text';
import { t } from '../../i18n/locale';
import { describeRequestError } from '../../i18n/request-errors';
import { FormFailure, type WordedFailure } from '../FormFailure';

export interface ClinicFormProps {
  /** The inputs as they start: a new clinic's defaults, or the clinic as it is. */
  initial: ClinicFormText;
  currency: string;
  submitLabel: string;
  cancelHref: string;
  /** Sends the checked fields; rejects with the API's refusal, which the form puts on its inputs. */
  onSubmit: (fields: ClinicFields) => Promise<void>;
}

const inputId = (field: ClinicField) => `clinic-${field}`;

/**
 * Name, time zone (searchable among the browser's IANA zones), monthly plan price and SMS unit cost,
 * checked before sending like the API checks them; each problem, the form's or the API's, said in
 * words under its input, and the first one focused.
 */
export function ClinicForm(props: ClinicFormProps): JSX.Element {
  const zones = supportedTimeZones();
  const [problems, setProblems] = createSignal<ClinicProblems>({});
  const [failure, setFailure] = createSignal<WordedFailure | null>(null);
  const [submitting, setSubmitting] = createSignal(false);

  const show = (found: ClinicProblems, form: HTMLFormElement): void => {
    setProblems(found);
    const first = CLINIC_FIELDS.find((field) => found[field] !== undefined);
    if (first !== undefined) form.querySelector<HTMLInputElement>(`#${inputId(first)}`)?.focus();
  };

  const submit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    const text: ClinicFormText = {
      name: formText(form, 'name'),
      timezone: formText(form, 'timezone'),
      planPrice: formText(form, 'planPrice'),
      smsUnitCost: formText(form, 'smsUnitCost'),
    };
    const checked = checkClinicForm(text, zones);
    setFailure(null);
    if (!checked.ok) {
      show(checked.problems, form);
      return;
    }
    setProblems({});
    setSubmitting(true);
    try {
      await props.onSubmit(checked.fields);
    } catch (error) {
      const onInputs = problemsFromRefusal(error);
      if (onInputs === null) setFailure({ words: (messages) => describeRequestError(error, 'read', messages) });
      else show(onInputs, form);
    } finally {
      setSubmitting(false);
    }
  };

  const field = (name: ClinicField, label: string, hint: string, input: Partial<JSX.InputHTMLAttributes<HTMLInputElement>>): JSX.Element => {
    const problem = () => problems()[name];
    return (
      <div class="field">
        <label for={inputId(name)}>{label}</label>
        <input
          id={inputId(name)}
          name={name}
          value={props.initial[name]}
          autocomplete="off"
          aria-invalid={problem() !== undefined}
          aria-describedby={`${inputId(name)}-hint ${inputId(name)}-problem`}
          {...input}
        />
        <p class="field-hint" id={`${inputId(name)}-hint`}>
          {hint}
        </p>
        <p class="field-error" id={`${inputId(name)}-problem`}>
          <Show when={problem()}>{(current) => describeClinicProblem(current(), name, t())}</Show>
        </p>
      </div>
    );
  };

  return (
    <form class="card form" method="post" novalidate onSubmit={(event) => void submit(event)}>
      <fieldset disabled={submitting()}>
        {field('name', t().clinicName, t().clinicNameHint, { type: 'text', maxLength: NAME_MAX_LENGTH })}
        {field('timezone', t().clinicTimezone, t().clinicTimezoneHint, { type: 'text', list: 'time-zones', spellcheck: false, autocapitalize: 'off' })}
        <datalist id="time-zones">
          <For each={zones}>{(zone) => <option value={zone} />}</For>
        </datalist>
        {field('planPrice', t().clinicPlanPriceIn(props.currency), t().clinicPlanPriceHint, { type: 'text', inputMode: 'decimal' })}
        {field('smsUnitCost', t().clinicSmsUnitCostIn(props.currency), t().clinicSmsUnitCostHint, { type: 'text', inputMode: 'decimal' })}
      </fieldset>
      <FormFailure failure={failure()} />
      <div class="confirm-buttons">
        <button type="submit" class="button" disabled={submitting()}>
          {submitting() ? t().saving : props.submitLabel}
        </button>
        <A href={props.cancelHref} class="button button-quiet">
          {t().cancelAction}
        </A>
      </div>
    </form>
  );
}
