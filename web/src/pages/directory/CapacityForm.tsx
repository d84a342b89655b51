// The quick capacity update: free and total shelter beds, stated now by the
// signed-in admin or supervisor. Empty totals mean "we keep no beds".
import { useState } from 'preact/hooks';
import { Alert, Field } from '../../components/Field';
import { directoryApi, type Profile } from '../../directoryApi';
import { splitError, type FieldErrors } from '../../errors';
import { useI18n } from '../../i18n';

const FIELDS = ['free_beds', 'total_beds'] as const;

function parseBeds(s: string): number | null | undefined {
  if (s.trim() === '') return null;
  return /^\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : undefined;
}

export function CapacityForm({ profile, onSaved }: { profile: Profile; onSaved: (p: Profile) => void }) {
  const { t } = useI18n();
  const [free, setFree] = useState(profile.capacity.free_beds?.toString() ?? '');
  const [total, setTotal] = useState(profile.capacity.total_beds?.toString() ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setGeneral(null);
    const f = parseBeds(free);
    const tot = parseBeds(total);
    const local: FieldErrors = {};
    if (f === undefined) local.free_beds = t('dir.beds_number');
    if (tot === undefined) local.total_beds = t('dir.beds_number');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const p = await directoryApi.updateCapacity(profile.organisation.id, profile.version, f ?? null, tot ?? null);
      setSaved(true);
      onSaved(p);
    } catch (err) {
      const s = splitError(t, err, FIELDS);
      setErrors(s.fields);
      setGeneral(s.general);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label={t('dir.capacity_form')} noValidate>
      <h3>{t('dir.capacity_form')}</h3>
      {general ? <Alert kind="error">{general}</Alert> : null}
      {saved ? <Alert kind="success">{t('dir.capacity_saved')}</Alert> : null}
      <div class="filters">
        <Field name="free_beds" label={t('dir.free_beds')} error={errors.free_beds}>
          {(c) => <input {...c} inputMode="numeric" value={free} onInput={(e) => setFree(e.currentTarget.value)} />}
        </Field>
        <Field name="total_beds" label={t('dir.total_beds')} hint={t('dir.total_beds_hint')} error={errors.total_beds}>
          {(c) => <input {...c} inputMode="numeric" value={total} onInput={(e) => setTotal(e.currentTarget.value)} />}
        </Field>
      </div>
      <button type="submit" class="button primary" disabled={busy}>
        {busy ? t('common.saving') : t('dir.capacity_save')}
      </button>
    </form>
  );
}
