'use client';
// What every labelled field of an ActionForm needs from the form's last answer: its errors, the
// value to refill after a failed submit, and the ids that tie the label and the error to it.
import { useId } from 'react';
import { useFormResult } from './action-form';

export function useFormField(name: string) {
  const id = useId();
  const result = useFormResult();
  const errors = result.status === 'error' ? result.fieldErrors?.[name] : undefined;
  const kept = result.status === 'error' ? result.values?.[name] : undefined;
  const errorId = `${id}-error`;
  return {
    id,
    errors,
    kept,
    errorId,
    invalidProps: {
      'aria-invalid': errors ? true : undefined,
      'aria-describedby': errors ? errorId : undefined,
    },
  };
}
