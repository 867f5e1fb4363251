import { useEffect, useRef, useState } from 'react';
import { call, toApiError } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { SuccessBanner } from '../components/SuccessBanner';
import { TextField } from '../components/TextField';
import type { ConnectionTestResult, ConnectionView } from '../../../shared/ipc';
import { connectionPassword, connectionUrl, userNameInput } from '../../../shared/ipc/connection';
import type { SummaryItem } from '../forms/errors';
import { useLoad } from '../hooks';

/**
 * Settings that belong to this desktop, not to the practice's database: which database it uses (Settings ›
 * Shared database) and the name the audit trail records. Both are kept in a settings file on this computer.
 */
export function DesktopSettings() {
  // Kept on screen while reloading after a save, so the sections keep their messages.
  const [state, retry] = useLoad(() => call('connection:get', {}), [], { keepPrevious: true });
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={retry} />;
  const view = state.status === 'ready' ? state.value : state.previous;
  if (!view) return <Loading what="this computer’s settings" />;
  return (
    <>
      <SharedDatabaseSection view={view} onSaved={retry} />
      <AuditNameSection view={view} onSaved={retry} />
    </>
  );
}

function firstMessage(result: { success: boolean; error?: { issues: readonly { message: string }[] } }): string | undefined {
  return result.success ? undefined : result.error?.issues[0]?.message;
}

function AuditNameSection({ view, onSaved }: { view: ConnectionView; onSaved: () => void }) {
  const [name, setName] = useState(view.userName ?? '');
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  async function save() {
    const own = firstMessage(userNameInput.safeParse(name));
    setError(own);
    if (own) return;
    try {
      setSaved((await call('connection:set-user-name', { name })).message);
      onSaved();
    } catch (failed) {
      setSaved(null);
      setError(toApiError(failed).message);
    }
  }
  return (
    <section aria-labelledby="audit-name-heading">
      <h2 id="audit-name-heading" className="nhsuk-heading-l">Your name in the audit trail</h2>
      {error ? <ErrorSummary items={[{ message: error, fieldId: 'user-name' }]} /> : null}
      {saved ? <SuccessBanner message={saved} /> : null}
      <form noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <TextField
          id="user-name" label="Your name" value={name} onChange={setName} error={error} width={20} autoComplete="name" maxLength={100}
          hint={`Recorded with every change made on this computer, together with the computer’s name (${view.machine}). Leave it empty to use this computer’s user name, ${view.defaultUserName}. Saved on this computer only.`}
        />
        <button className="nhsuk-button" type="submit" disabled={!view.canSave}>Save your name</button>
      </form>
    </section>
  );
}

type Busy = 'test' | 'save' | 'local' | null;

function SharedDatabaseSection({ view, onSaved }: { view: ConnectionView; onSaved: () => void }) {
  const [url, setUrl] = useState(view.saved.url ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ url?: string; password?: string; general?: string }>({});
  const [tested, setTested] = useState<ConnectionTestResult | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (tested && !tested.connected) failureRef.current?.focus();
  }, [tested]);

  /** The same schemas main checks with; errors land on the fields and in the summary. */
  function check(): boolean {
    const found = { url: firstMessage(connectionUrl.safeParse(url)), password: firstMessage(connectionPassword.safeParse(password)) };
    const own = Object.fromEntries(Object.entries(found).filter(([, message]) => message !== undefined)) as typeof errors;
    setErrors(own);
    return Object.keys(own).length === 0;
  }

  async function run(what: Exclude<Busy, null>) {
    if (busy) return;
    if (what !== 'local' && !check()) return;
    setBusy(what);
    setTested(null);
    setSaved(null);
    try {
      if (what === 'test') {
        setTested(await call('connection:test', { url, password }));
      } else {
        const done = what === 'save' ? await call('connection:save', { url, password }) : await call('connection:use-local', {});
        setSaved(done.message);
        setPassword('');
        setErrors({});
        onSaved();
      }
    } catch (failed) {
      const e = toApiError(failed);
      const onPassword = e.details.some((d) => d.field === 'password');
      const onUrl = e.details.some((d) => d.field === 'url');
      setErrors(onPassword ? { password: e.message } : onUrl ? { url: e.message } : { general: e.message });
    } finally {
      setBusy(null);
    }
  }

  const items: SummaryItem[] = [
    ...(errors.general ? [{ message: errors.general }] : []),
    ...(errors.url ? [{ message: errors.url, fieldId: 'shared-url' }] : []),
    ...(errors.password ? [{ message: errors.password, fieldId: 'shared-password' }] : []),
  ];
  const passwordHint = !view.canKeepPassword
    ? 'This computer cannot keep a password safely, so Roundtable will not save one here. Leave this empty and ask your IT support to put the password in a PostgreSQL password file for your account.'
    : view.saved.hasPassword
      ? 'Kept encrypted by this computer’s operating system, never in plain text. Leave it empty to keep the saved password.'
      : 'Kept encrypted by this computer’s operating system, never in plain text. Leave it empty if a PostgreSQL password file is used instead.';
  const usesShared = view.saved.engine === 'postgres' || view.current.engine === 'postgres';

  return (
    <section aria-labelledby="shared-database-heading">
      <h2 id="shared-database-heading" className="nhsuk-heading-l">Shared database</h2>
      {items.length > 0 ? <ErrorSummary items={items} /> : null}
      {saved ? <SuccessBanner message={saved} /> : null}
      <p>
        On its own, Roundtable keeps the practice’s records in a database on this computer. Where several desktops, or a primary care network’s practices,
        plan rounds together, they all use one shared PostgreSQL database instead. Your IT support will give you its connection string and password.
      </p>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          {view.current.engine === 'postgres'
            ? <>This computer is using the shared database <strong>{view.current.location}</strong> (PostgreSQL).</>
            : <>This computer is using its own database (SQLite).</>}
          {view.restartNeeded
            ? (view.saved.engine === 'postgres'
              ? <> When Roundtable is next started it will use the shared database <strong>{view.saved.location}</strong>.</>
              : <> When Roundtable is next started it will use the database on this computer.</>)
            : null}
        </p>
        {view.environmentOverride ? <p>The ROUNDTABLE_DB setting on this computer chooses the database, and wins over the choice saved here.</p> : null}
      </div>
      {view.canSave ? null : <p>These settings can only be changed in the Roundtable desktop app.</p>}
      <form noValidate onSubmit={(e) => { e.preventDefault(); void run('save'); }}>
        <TextField
          id="shared-url" label="Connection string" value={url} onChange={setUrl} error={errors.url} widthClass="nhsuk-u-width-full" spellCheck={false}
          hint="For example postgresql://roundtable@db.yourpractice.nhs.uk:5432/roundtable. Leave the password out: it goes in the box below."
        />
        <TextField id="shared-password" label="Password" type="password" value={password} onChange={setPassword} error={errors.password} width={20} autoComplete="new-password" hint={passwordHint} />
        <div className="nhsuk-button-group">
          <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={busy !== null} onClick={() => void run('test')}>
            {busy === 'test' ? 'Testing the connection…' : 'Test connection'}
          </button>
          <button className="nhsuk-button" type="submit" disabled={busy !== null || !view.canSave}>Use this database</button>
        </div>
        <div aria-live="polite">
          {tested?.connected ? (
            <div className="nhsuk-inset-text app-connection-ok">
              <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">Connected</h3>
              <p>{tested.message}</p>
            </div>
          ) : null}
        </div>
        {tested && !tested.connected ? (
          <div className="nhsuk-error-summary" role="alert" tabIndex={-1} ref={failureRef} aria-labelledby="connection-failed-heading">
            <h3 className="nhsuk-error-summary__heading" id="connection-failed-heading">Roundtable could not connect</h3>
            <div className="nhsuk-error-summary__body">
              <p>{tested.message}</p>
              <p className="nhsuk-u-margin-bottom-0">Nothing has been saved. Check the connection string and password with your IT support.</p>
            </div>
          </div>
        ) : null}
        <p className="nhsuk-body-s app-secondary-text">A new choice takes effect when Roundtable is next started. Records are not copied between databases by this choice: whoever looks after Roundtable can move this computer’s records into an empty shared database with its copy command (npm run cli -- copy).</p>
        {usesShared ? (
          <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={busy !== null || !view.canSave} onClick={() => void run('local')}>
            Use the database on this computer
          </button>
        ) : null}
      </form>
    </section>
  );
}
