"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

interface Props {
  callbackUrl: string;
  notice: string | null;
  labels: { email: string; password: string; submit: string; submitting: string; failed: string };
}

export function LoginForm({ callbackUrl, notice, labels }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setBusy(false);
    // "CredentialsSignin" is next-auth's code for a refused sign-in (one text for every reason);
    // any other error is the Dutch message thrown by authorize (a lock, with its waiting time)
    setError(result?.error && result.error !== "CredentialsSignin" ? result.error : labels.failed);
  }

  return (
    <form onSubmit={onSubmit} className="card space-y-4" noValidate>
      {notice && <p className="rounded-md bg-brand-50 p-3 text-sm text-brand-800">{notice}</p>}
      <div>
        <label htmlFor="email" className="label">
          {labels.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "login-error" : undefined}
        />
      </div>
      <div>
        <label htmlFor="password" className="label">
          {labels.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "login-error" : undefined}
        />
      </div>
      {error && (
        <p id="login-error" className="field-error" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" className="btn-primary w-full justify-center" disabled={busy}>
        {busy ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
