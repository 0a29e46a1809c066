"use client";
// Runs a server action from a form WITHOUT React's automatic form reset, so that a rejected
// submission keeps everything the user typed next to the Dutch error messages. A successful
// submission resets the form (ready for the next entry) unless keepOnSuccess is set.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";

export interface FormResult {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
}

export function useFormAction<R extends FormResult>(action: (prev: R | null, form: FormData) => Promise<R>, opts: { keepOnSuccess?: boolean } = {}) {
  const [result, dispatch, pending] = useActionState<R | null, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok && !opts.keepOnSuccess) formRef.current?.reset();
  }, [result, opts.keepOnSuccess]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => dispatch(form));
  };
  return { result, pending, formRef, onSubmit, errors: result?.fieldErrors ?? {} };
}
